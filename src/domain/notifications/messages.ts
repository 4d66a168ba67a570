import type { Locale, StaffLocale } from '../../shared/locales.ts';

type Template = (vars: { name: string; link: string; hours?: number; when?: string }) => {
  subject: string;
  body: string;
};

const plural = (locale: Locale) => new Intl.PluralRules(locale);
/** Day and hour words per plural form (`Intl.PluralRules`), for languages that change the noun after a number. */
const units: Partial<Record<Locale, { day: Record<string, string>; hour: Record<string, string> }>> = {
  en: { day: { one: 'day', other: 'days' }, hour: { one: 'hour', other: 'hours' } },
  so: { day: { one: 'maalin', other: 'maalmood' }, hour: { one: 'saacad', other: 'saacadood' } },
  uk: {
    day: { one: 'день', few: 'дні', many: 'днів', other: 'дня' },
    hour: { one: 'година', few: 'години', many: 'годин', other: 'години' },
  },
};
/** Languages where the noun stays the same after a number (Dutch "uur" too: "36 uur"). */
const invariable: Partial<Record<Locale, { day: string; hour: string }>> = {
  ti: { day: 'መዓልቲ', hour: 'ሰዓት' },
  fa: { day: 'روز', hour: 'ساعت' },
  tr: { day: 'gün', hour: 'saat' },
};

/**
 * How long a link works, as people say it: "7 dagen", not "168 uur"; whole days from two days on. Each language
 * takes its plural form from `Intl.PluralRules`; Arabic has its own forms for one, two, three to ten, and more.
 */
export function duration(hours: number, locale: Locale) {
  const inDays = hours >= 48 && hours % 24 === 0;
  const n = inDays ? hours / 24 : hours;
  const unit = inDays ? 'day' : 'hour';
  if (locale === 'nl') return inDays ? `${n} dagen` : `${n} uur`;
  if (locale === 'ar') {
    const words = inDays
      ? { one: 'يوم واحد', two: 'يومين', few: `${n} أيام`, other: `${n} يومًا` }
      : { one: 'ساعة واحدة', two: 'ساعتين', few: `${n} ساعات`, other: `${n} ساعة` };
    const form = plural('ar').select(n);
    return form === 'one' || form === 'two' || form === 'few' ? words[form] : words.other;
  }
  const same = invariable[locale];
  if (same) return `${n} ${same[unit]}`;
  const forms = units[locale]![unit];
  return `${n} ${forms[plural(locale).select(n)] ?? forms.other}`;
}

type Kind =
  | 'invitation'
  | 'password_reset'
  | 'secondFactorChanged'
  | 'secondFactorReset'
  | 'rolesChanged'
  | 'questionAnswered'
  | 'newReferral'
  | 'coachAssigned'
  | 'planWaiting'
  | 'appointmentReminder'
  | 'appointmentMoved'
  | 'appointmentCancelled';

/** Mails to staff only: staff screens and mails are in nl, en or ar (`staffLocaleOf`). */
type StaffKind = 'rolesChanged' | 'newReferral' | 'coachAssigned';

/**
 * E-mails (and SMS) in the recipient's language. Plain words; the link is the only thing to act on. What a
 * participant can receive is in the eight portal languages, with the greeting people use in each: "Beste …" in
 * Dutch, "مرحبًا …،" in Arabic, "ሰላም …፣" in Tigrinya, "سلام …،" in Persian, "Salaan …," in Somali, "Merhaba …," in
 * Turkish, "Вітаємо, …!" in Ukrainian. Tigrinya uses the polite plural (no guess at gender).
 */
export const templates: { [K in Kind]: Record<K extends StaffKind ? StaffLocale : Locale, Template> } = {
  invitation: {
    nl: ({ name, link, hours }) => ({
      subject: 'Uw account voor Opstap',
      body: `Beste ${name},\n\nEr is een account voor u gemaakt in Opstap.\nKies uw wachtwoord via deze link:\n${link}\n\nDe link werkt ${duration(hours!, 'nl')} en één keer.\n\nMet vriendelijke groet,\nOpstap`,
    }),
    en: ({ name, link, hours }) => ({
      subject: 'Your Opstap account',
      body: `Dear ${name},\n\nAn account was made for you in Opstap.\nChoose your password with this link:\n${link}\n\nThe link works for ${duration(hours!, 'en')} and only once.\n\nKind regards,\nOpstap`,
    }),
    ar: ({ name, link, hours }) => ({
      subject: 'حسابك في Opstap',
      body: `مرحبًا ${name}،\n\nتم إنشاء حساب لك في Opstap.\nاختر كلمة المرور من خلال هذا الرابط:\n${link}\n\nيعمل الرابط لمدة ${duration(hours!, 'ar')} ومرة واحدة فقط.\n\nمع أطيب التحيات،\nOpstap`,
    }),
    ti: ({ name, link, hours }) => ({
      subject: 'ኣካውንትኩም ኣብ Opstap',
      body: `ሰላም ${name}፣\n\nኣብ Opstap ኣካውንት ተሰሪሑልኩም ኣሎ።\nብዚ ሊንክ ቃል-ምስጢርኩም ምረጹ፦\n${link}\n\nእዚ ሊንክ ን${duration(hours!, 'ti')}ን ሓንሳብ ጥራይን ይሰርሕ።\n\nምስ ሰላምታ፣\nOpstap`,
    }),
    fa: ({ name, link, hours }) => ({
      subject: 'حساب کاربری شما در Opstap',
      body: `سلام ${name}،\n\nیک حساب کاربری برای شما در Opstap ساخته شد.\nرمز عبور خود را با این پیوند انتخاب کنید:\n${link}\n\nاین پیوند ${duration(hours!, 'fa')} و فقط یک بار کار می‌کند.\n\nبا احترام،\nOpstap`,
    }),
    so: ({ name, link, hours }) => ({
      subject: 'Koontadaada Opstap',
      body: `Salaan ${name},\n\nKoonto ayaa laguu sameeyay Opstap.\nKu dooro erey-siredkaaga linkigan:\n${link}\n\nLinkigu wuu shaqeynayaa ${duration(hours!, 'so')}, hal mar oo keliya.\n\nMahadsanid,\nOpstap`,
    }),
    tr: ({ name, link, hours }) => ({
      subject: 'Opstap hesabınız',
      body: `Merhaba ${name},\n\nSizin için Opstap'ta bir hesap açıldı.\nŞifrenizi bu bağlantıdan seçin:\n${link}\n\nBağlantı ${duration(hours!, 'tr')} boyunca ve yalnızca bir kez çalışır.\n\nSaygılarımızla,\nOpstap`,
    }),
    uk: ({ name, link, hours }) => ({
      subject: 'Ваш обліковий запис в Opstap',
      body: `Вітаємо, ${name}!\n\nДля вас створено обліковий запис в Opstap.\nОберіть пароль за цим посиланням:\n${link}\n\nПосилання діє ${duration(hours!, 'uk')} і лише один раз.\n\nЗ повагою,\nOpstap`,
    }),
  },
  password_reset: {
    nl: ({ name, link, hours }) => ({
      subject: 'Nieuw wachtwoord voor Opstap',
      body: `Beste ${name},\n\nU vroeg om een nieuw wachtwoord.\nKies een nieuw wachtwoord via deze link:\n${link}\n\nDe link werkt ${duration(hours!, 'nl')} en één keer.\nVroeg u dit niet? Dan hoeft u niets te doen.\n\nOpstap`,
    }),
    en: ({ name, link, hours }) => ({
      subject: 'New password for Opstap',
      body: `Dear ${name},\n\nYou asked for a new password.\nChoose a new password with this link:\n${link}\n\nThe link works for ${duration(hours!, 'en')} and only once.\nDid you not ask for this? Then you do not need to do anything.\n\nOpstap`,
    }),
    ar: ({ name, link, hours }) => ({
      subject: 'كلمة مرور جديدة لـ Opstap',
      body: `مرحبًا ${name}،\n\nلقد طلبت كلمة مرور جديدة.\nاختر كلمة مرور جديدة من خلال هذا الرابط:\n${link}\n\nيعمل الرابط لمدة ${duration(hours!, 'ar')} ومرة واحدة فقط.\nألم تطلب ذلك؟ إذن لا داعي لفعل أي شيء.\n\nOpstap`,
    }),
    ti: ({ name, link, hours }) => ({
      subject: 'ሓድሽ ቃል-ምስጢር ን Opstap',
      body: `ሰላም ${name}፣\n\nሓድሽ ቃል-ምስጢር ሓቲትኩም።\nብዚ ሊንክ ሓድሽ ቃል-ምስጢር ምረጹ፦\n${link}\n\nእዚ ሊንክ ን${duration(hours!, 'ti')}ን ሓንሳብ ጥራይን ይሰርሕ።\nእዚ እንተዘይሓተትኩም፣ ዋላ ሓንቲ ክትገብሩ ኣየድልየኩምን።\n\nOpstap`,
    }),
    fa: ({ name, link, hours }) => ({
      subject: 'رمز عبور تازه برای Opstap',
      body: `سلام ${name}،\n\nشما رمز عبور تازه خواستید.\nبا این پیوند یک رمز عبور تازه انتخاب کنید:\n${link}\n\nاین پیوند ${duration(hours!, 'fa')} و فقط یک بار کار می‌کند.\nاین را نخواسته‌اید؟ لازم نیست کاری بکنید.\n\nOpstap`,
    }),
    so: ({ name, link, hours }) => ({
      subject: 'Erey-sir cusub oo Opstap ah',
      body: `Salaan ${name},\n\nWaxaad codsatay erey-sir cusub.\nKu dooro erey-sir cusub linkigan:\n${link}\n\nLinkigu wuu shaqeynayaa ${duration(hours!, 'so')}, hal mar oo keliya.\nMa adigu ma codsan? Markaas waxba uma baahnid inaad samayso.\n\nOpstap`,
    }),
    tr: ({ name, link, hours }) => ({
      subject: 'Opstap için yeni şifre',
      body: `Merhaba ${name},\n\nYeni bir şifre istediniz.\nYeni şifrenizi bu bağlantıdan seçin:\n${link}\n\nBağlantı ${duration(hours!, 'tr')} boyunca ve yalnızca bir kez çalışır.\nBunu siz istemediyseniz bir şey yapmanıza gerek yok.\n\nOpstap`,
    }),
    uk: ({ name, link, hours }) => ({
      subject: 'Новий пароль для Opstap',
      body: `Вітаємо, ${name}!\n\nВи попросили новий пароль.\nОберіть новий пароль за цим посиланням:\n${link}\n\nПосилання діє ${duration(hours!, 'uk')} і лише один раз.\nЯкщо ви цього не просили, нічого робити не потрібно.\n\nOpstap`,
    }),
  },
  // Security notices: the account owner hears of every change to how they sign in or what they may do.
  secondFactorChanged: {
    nl: ({ name, link }) => ({
      subject: 'Uw tweede stap voor Opstap is veranderd',
      body: `Beste ${name},\n\nEr is een nieuwe app voor de inlogcode ingesteld op uw account.\nDeed u dit niet? Bel dan meteen uw beheerder.\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Your second step for Opstap has changed',
      body: `Dear ${name},\n\nA new app for login codes was set up on your account.\nDid you not do this? Call your administrator at once.\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تغيّرت خطوة الدخول الثانية في Opstap',
      body: `مرحبًا ${name}،\n\nتم إعداد تطبيق جديد لرموز الدخول في حسابك.\nألم تفعل ذلك؟ اتصل بالمسؤول فورًا.\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link }) => ({
      subject: 'ካልኣይ ስጉምቲ ምእታውኩም ኣብ Opstap ተቐዪሩ',
      body: `ሰላም ${name}፣\n\nኣብ ኣካውንትኩም ሓድሽ ኣፕ ንኮድ ምእታው ተዳልዩ።\nእዚ ንስኹም እንተዘይገበርኩምዎ፣ ብቕልጡፍ ንኣመሓዳሪ ደውሉ።\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link }) => ({
      subject: 'مرحله دوم ورود شما به Opstap تغییر کرد',
      body: `سلام ${name}،\n\nیک برنامه تازه برای کد ورود روی حساب شما تنظیم شد.\nاین کار را شما نکرده‌اید؟ فوراً با مدیر سیستم تماس بگیرید.\n${link}\n\nOpstap`,
    }),
    so: ({ name, link }) => ({
      subject: 'Tallaabadaada labaad ee Opstap waa la beddelay',
      body: `Salaan ${name},\n\nApp cusub oo koodhadhka gelitaanka ah ayaa lagu xiray koontadaada.\nMa adigu ma samayn? Isla markiiba wac maamulaha.\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link }) => ({
      subject: 'Opstap için ikinci adımınız değişti',
      body: `Merhaba ${name},\n\nHesabınızda giriş kodları için yeni bir uygulama kuruldu.\nBunu siz yapmadıysanız hemen yöneticinizi arayın.\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link }) => ({
      subject: 'Другий крок входу в Opstap змінено',
      body: `Вітаємо, ${name}!\n\nУ вашому обліковому записі налаштовано новий застосунок для кодів входу.\nЯкщо це були не ви, негайно зателефонуйте адміністраторові.\n${link}\n\nOpstap`,
    }),
  },
  secondFactorReset: {
    nl: ({ name, link }) => ({
      subject: 'Uw tweede stap voor Opstap is gewist',
      body: `Beste ${name},\n\nDe beheerder heeft de app voor uw inlogcode gewist. U bent overal uitgelogd.\nBij de volgende keer inloggen stelt u een nieuwe app in.\nVroeg u dit niet? Bel dan meteen uw beheerder.\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Your second step for Opstap was removed',
      body: `Dear ${name},\n\nThe administrator removed the app for your login codes. You are logged out everywhere.\nWhen you next log in, you set up a new app.\nDid you not ask for this? Call your administrator at once.\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تم حذف خطوة الدخول الثانية في Opstap',
      body: `مرحبًا ${name}،\n\nحذف المسؤول تطبيق رموز الدخول الخاص بك. تم تسجيل خروجك من كل مكان.\nعند الدخول القادم ستُعدّ تطبيقًا جديدًا.\nألم تطلب ذلك؟ اتصل بالمسؤول فورًا.\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link }) => ({
      subject: 'ካልኣይ ስጉምቲ ምእታውኩም ኣብ Opstap ተሰሪዙ',
      body: `ሰላም ${name}፣\n\nኣመሓዳሪ ነቲ ናይ ኮድ ምእታው ኣፕኩም ሰሪዝዎ። ካብ ኩሉ ቦታ ወጺእኩም ኣለኹም።\nኣብ ዝቕጽል ምእታው ሓድሽ ኣፕ ተዳልዉ።\nእዚ እንተዘይሓተትኩም፣ ብቕልጡፍ ንኣመሓዳሪ ደውሉ።\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link }) => ({
      subject: 'مرحله دوم ورود شما به Opstap پاک شد',
      body: `سلام ${name}،\n\nمدیر سیستم برنامه کد ورود شما را پاک کرد. از همه دستگاه‌ها خارج شده‌اید.\nدفعه بعد که وارد می‌شوید، یک برنامه تازه تنظیم می‌کنید.\nاین را نخواسته‌اید؟ فوراً با مدیر سیستم تماس بگیرید.\n${link}\n\nOpstap`,
    }),
    so: ({ name, link }) => ({
      subject: 'Tallaabadaada labaad ee Opstap waa la tirtiray',
      body: `Salaan ${name},\n\nMaamulaha ayaa tirtiray app-ka koodhadhkaaga gelitaanka. Meel kasta waa lagaa saaray.\nMarka xigta ee aad gasho, app cusub ayaad xiran doontaa.\nMa adigu ma codsan? Isla markiiba wac maamulaha.\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link }) => ({
      subject: 'Opstap için ikinci adımınız silindi',
      body: `Merhaba ${name},\n\nYönetici, giriş kodlarınız için kullandığınız uygulamayı sildi. Her yerden çıkış yaptınız.\nBir sonraki girişte yeni bir uygulama kuracaksınız.\nBunu siz istemediyseniz hemen yöneticinizi arayın.\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link }) => ({
      subject: 'Другий крок входу в Opstap видалено',
      body: `Вітаємо, ${name}!\n\nАдміністратор видалив застосунок для ваших кодів входу. Ви вийшли з усіх пристроїв.\nПід час наступного входу ви налаштуєте новий застосунок.\nЯкщо ви цього не просили, негайно зателефонуйте адміністраторові.\n${link}\n\nOpstap`,
    }),
  },
  rolesChanged: {
    nl: ({ name, link }) => ({
      subject: 'Rollen veranderd in Opstap',
      body: `Beste ${name},\n\nDe rollen van een account in Opstap zijn veranderd. Kijk in het logboek wie wat deed:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Roles changed in Opstap',
      body: `Dear ${name},\n\nThe roles of an account in Opstap have changed. See in the audit log who did what:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تغيّرت الأدوار في Opstap',
      body: `مرحبًا ${name}،\n\nتغيّرت أدوار حساب في Opstap. انظر في سجل التدقيق من فعل ماذا:\n${link}\n\nOpstap`,
    }),
  },
  // Only that there is an answer, never its content: a mail or SMS can be read by others.
  questionAnswered: {
    nl: ({ name, link }) => ({
      subject: 'Er is een antwoord op uw vraag',
      body: `Hallo ${name},\n\nUw coach heeft uw vraag beantwoord. Lees het antwoord in Opstap:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'Your question has an answer',
      body: `Hello ${name},\n\nYour coach answered your question. Read the answer in Opstap:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'وصل رد على سؤالك',
      body: `مرحبًا ${name}،\n\nأجاب مرشدك على سؤالك. اقرأ الجواب في Opstap:\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link }) => ({
      subject: 'ንሕቶኹም መልሲ ኣሎ',
      body: `ሰላም ${name}፣\n\nኮችኹም ንሕቶኹም መሊሱ እዩ። ነቲ መልሲ ኣብ Opstap ኣንብቡ፦\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link }) => ({
      subject: 'سؤال شما پاسخ دارد',
      body: `سلام ${name}،\n\nمربی شما به سؤالتان پاسخ داد. پاسخ را در Opstap بخوانید:\n${link}\n\nOpstap`,
    }),
    so: ({ name, link }) => ({
      subject: "Su'aashaada waa laga jawaabay",
      body: `Salaan ${name},\n\nCoach-kaagu wuu ka jawaabay su'aashaada. Jawaabta ka akhri Opstap:\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link }) => ({
      subject: 'Sorunuz yanıtlandı',
      body: `Merhaba ${name},\n\nKoçunuz sorunuzu yanıtladı. Yanıtı Opstap'ta okuyun:\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link }) => ({
      subject: 'На ваше запитання є відповідь',
      body: `Вітаємо, ${name}!\n\nВаш коуч відповів на ваше запитання. Прочитайте відповідь в Opstap:\n${link}\n\nOpstap`,
    }),
  },
  // Staff notices: what to do and where; the file itself stays in Opstap (no name, no details in the mail).
  newReferral: {
    nl: ({ name, link }) => ({
      subject: 'Nieuwe aanmelding in Opstap',
      body: `Beste ${name},\n\nEr is een nieuwe aanmelding in uw regio. Wijs een coach toe:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'New referral in Opstap',
      body: `Dear ${name},\n\nThere is a new referral in your region. Assign a coach:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'تسجيل جديد في Opstap',
      body: `مرحبًا ${name}،\n\nيوجد تسجيل جديد في منطقتك. عيّن مرشدًا:\n${link}\n\nOpstap`,
    }),
  },
  // Only that a plan waits, never its goals or steps: a plan can hold health or other special-category data.
  planWaiting: {
    nl: ({ name, link }) => ({
      subject: 'Er staat een plan voor u klaar',
      body: `Hallo ${name},\n\nUw coach heeft uw plan klaargezet. Lees het en zeg of u het ermee eens bent:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'A plan is ready for you',
      body: `Hello ${name},\n\nYour coach has put your plan ready. Read it and say if you agree:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'خطتك جاهزة',
      body: `مرحبًا ${name}،\n\nجهّز مرشدك خطتك. اقرأها وقل هل توافق عليها:\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link }) => ({
      subject: 'ትልሚ ተዳልዩልኹም ኣሎ',
      body: `ሰላም ${name}፣\n\nኮችኹም ትልምኹም ኣዳልዩ እዩ። ኣንብብዎን ምስኡ ትሰማምዑ እንተኾይንኩም ንገሩ፦\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link }) => ({
      subject: 'یک برنامه برای شما آماده است',
      body: `سلام ${name}،\n\nمربی شما برنامه‌تان را آماده کرده است. آن را بخوانید و بگویید آیا با آن موافقید:\n${link}\n\nOpstap`,
    }),
    so: ({ name, link }) => ({
      subject: 'Qorshe ayaa kuu diyaar ah',
      body: `Salaan ${name},\n\nCoach-kaagu qorshahaaga wuu diyaariyay. Akhri oo sheeg haddii aad ku raacsan tahay:\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link }) => ({
      subject: 'Sizin için bir plan hazır',
      body: `Merhaba ${name},\n\nKoçunuz planınızı hazırladı. Okuyun ve kabul edip etmediğinizi söyleyin:\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link }) => ({
      subject: 'Для вас готовий план',
      body: `Вітаємо, ${name}!\n\nВаш коуч підготував ваш план. Прочитайте його та скажіть, чи ви згодні:\n${link}\n\nOpstap`,
    }),
  },
  coachAssigned: {
    nl: ({ name, link }) => ({
      subject: 'Nieuwe deelnemer voor u in Opstap',
      body: `Beste ${name},\n\nU bent de coach van een nieuwe deelnemer. Open het dossier:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link }) => ({
      subject: 'A new participant for you in Opstap',
      body: `Dear ${name},\n\nYou are now the coach of a new participant. Open the file:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link }) => ({
      subject: 'مشارك جديد لك في Opstap',
      body: `مرحبًا ${name}،\n\nأصبحت مرشد مشارك جديد. افتح الملف:\n${link}\n\nOpstap`,
    }),
  },
  // Appointments: only the time; the place, with whom and what to bring are in Opstap (a message can be read by others).
  appointmentReminder: {
    nl: ({ name, link, when }) => ({
      subject: 'Morgen heeft u een afspraak',
      body: `Hallo ${name},\n\nMorgen heeft u een afspraak: ${when}.\nWaar het is en wat u meeneemt, ziet u in Opstap:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link, when }) => ({
      subject: 'You have an appointment tomorrow',
      body: `Hello ${name},\n\nTomorrow you have an appointment: ${when}.\nSee where it is and what to bring in Opstap:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link, when }) => ({
      subject: 'لديك موعد غدًا',
      body: `مرحبًا ${name}،\n\nلديك موعد غدًا: ${when}.\nترى المكان وما يجب أن تحضره في Opstap:\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link, when }) => ({
      subject: 'ጽባሕ ቆጸራ ኣሎኩም',
      body: `ሰላም ${name}፣\n\nጽባሕ ቆጸራ ኣሎኩም፦ ${when}።\nኣበይ ምዃኑን እንታይ ሒዝኩም ከም ትመጹን ኣብ Opstap ርኣዩ፦\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link, when }) => ({
      subject: 'فردا یک قرار ملاقات دارید',
      body: `سلام ${name}،\n\nفردا یک قرار ملاقات دارید: ${when}.\nجای آن و آنچه باید همراه بیاورید را در Opstap ببینید:\n${link}\n\nOpstap`,
    }),
    so: ({ name, link, when }) => ({
      subject: 'Berri ballan ayaad leedahay',
      body: `Salaan ${name},\n\nBerri ballan ayaad leedahay: ${when}.\nKa eeg Opstap meesha ay tahay iyo waxa aad keenayso:\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link, when }) => ({
      subject: 'Yarın bir randevunuz var',
      body: `Merhaba ${name},\n\nYarın bir randevunuz var: ${when}.\nNerede olduğunu ve yanınızda ne getireceğinizi Opstap'ta görün:\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link, when }) => ({
      subject: 'Завтра у вас зустріч',
      body: `Вітаємо, ${name}!\n\nЗавтра у вас зустріч: ${when}.\nДе вона і що взяти з собою, дивіться в Opstap:\n${link}\n\nOpstap`,
    }),
  },
  appointmentMoved: {
    nl: ({ name, link, when }) => ({
      subject: 'Uw afspraak is veranderd',
      body: `Hallo ${name},\n\nUw afspraak is veranderd. De nieuwe tijd is: ${when}.\nKijk in Opstap waar het is:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link, when }) => ({
      subject: 'Your appointment has changed',
      body: `Hello ${name},\n\nYour appointment has changed. The new time is: ${when}.\nSee in Opstap where it is:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link, when }) => ({
      subject: 'تغيّر موعدك',
      body: `مرحبًا ${name}،\n\nتغيّر موعدك. الوقت الجديد: ${when}.\nانظر في Opstap أين يكون:\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link, when }) => ({
      subject: 'ቆጸራኹም ተቐይሩ',
      body: `ሰላም ${name}፣\n\nቆጸራኹም ተቐይሩ እዩ። ሓድሽ ግዜ፦ ${when}።\nኣበይ ምዃኑ ኣብ Opstap ርኣዩ፦\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link, when }) => ({
      subject: 'قرار ملاقات شما تغییر کرد',
      body: `سلام ${name}،\n\nقرار ملاقات شما تغییر کرد. زمان جدید: ${when}.\nجای آن را در Opstap ببینید:\n${link}\n\nOpstap`,
    }),
    so: ({ name, link, when }) => ({
      subject: 'Ballantaadii waa la beddelay',
      body: `Salaan ${name},\n\nBallantaadii waa la beddelay. Wakhtiga cusub waa: ${when}.\nKa eeg Opstap meesha ay tahay:\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link, when }) => ({
      subject: 'Randevunuz değişti',
      body: `Merhaba ${name},\n\nRandevunuz değişti. Yeni zaman: ${when}.\nNerede olduğunu Opstap'ta görün:\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link, when }) => ({
      subject: 'Вашу зустріч змінено',
      body: `Вітаємо, ${name}!\n\nВашу зустріч змінено. Новий час: ${when}.\nДе вона, дивіться в Opstap:\n${link}\n\nOpstap`,
    }),
  },
  appointmentCancelled: {
    nl: ({ name, link, when }) => ({
      subject: 'Uw afspraak gaat niet door',
      body: `Hallo ${name},\n\nUw afspraak van ${when} gaat niet door.\nUw coach maakt een nieuwe afspraak met u. Kijk in Opstap:\n${link}\n\nOpstap`,
    }),
    en: ({ name, link, when }) => ({
      subject: 'Your appointment is cancelled',
      body: `Hello ${name},\n\nYour appointment of ${when} is cancelled.\nYour coach will make a new appointment with you. See Opstap:\n${link}\n\nOpstap`,
    }),
    ar: ({ name, link, when }) => ({
      subject: 'أُلغي موعدك',
      body: `مرحبًا ${name}،\n\nأُلغي موعدك في ${when}.\nسيحدد مرشدك موعدًا جديدًا معك. انظر في Opstap:\n${link}\n\nOpstap`,
    }),
    ti: ({ name, link, when }) => ({
      subject: 'ቆጸራኹም ተሰሪዙ',
      body: `ሰላም ${name}፣\n\nናይ ${when} ቆጸራኹም ተሰሪዙ እዩ።\nኮችኹም ሓድሽ ቆጸራ ምሳኹም ክገብር እዩ። ኣብ Opstap ርኣዩ፦\n${link}\n\nOpstap`,
    }),
    fa: ({ name, link, when }) => ({
      subject: 'قرار ملاقات شما لغو شد',
      body: `سلام ${name}،\n\nقرار ملاقات شما در ${when} لغو شد.\nمربی شما یک قرار جدید با شما می‌گذارد. در Opstap ببینید:\n${link}\n\nOpstap`,
    }),
    so: ({ name, link, when }) => ({
      subject: 'Ballantaadii waa la joojiyay',
      body: `Salaan ${name},\n\nBallantaadii ${when} waa la joojiyay.\nCoach-kaagu ballan cusub ayuu kula samayn doonaa. Eeg Opstap:\n${link}\n\nOpstap`,
    }),
    tr: ({ name, link, when }) => ({
      subject: 'Randevunuz iptal edildi',
      body: `Merhaba ${name},\n\n${when} tarihli randevunuz iptal edildi.\nKoçunuz sizinle yeni bir randevu ayarlayacak. Opstap'a bakın:\n${link}\n\nOpstap`,
    }),
    uk: ({ name, link, when }) => ({
      subject: 'Вашу зустріч скасовано',
      body: `Вітаємо, ${name}!\n\nВашу зустріч ${when} скасовано.\nВаш коуч домовиться з вами про нову зустріч. Дивіться в Opstap:\n${link}\n\nOpstap`,
    }),
  },
};
