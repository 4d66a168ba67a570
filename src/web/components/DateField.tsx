import { DateInput, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.layer.css';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/ar';
import 'dayjs/locale/nl';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

/** How a date is shown and typed: the Dutch day-month-year, in Western digits in every language (as formatDate). */
const shown = 'DD-MM-YYYY';
/** What typing may use besides it: single digits, other separators, and the API's own `YYYY-MM-DD`. */
const typed = [shown, 'D-M-YYYY', 'D/M/YYYY', 'D.M.YYYY', 'D M YYYY', 'YYYY-MM-DD'];

/** Arabic-Indic and Persian digits typed on a phone keyboard read as the digits they are. */
const westernDigits = (text: string) =>
  text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));

function parse(text: string): string | null {
  const date = dayjs(westernDigits(text.trim()), typed, true);
  return date.isValid() ? date.format('YYYY-MM-DD') : null;
}

type Props = Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** `YYYY-MM-DD` like the API's dates; `''` for none. */
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * Every form enters dates through this one field: Mantine's DateInput, typed as day-month-year or picked from a
 * calendar with month names in the reader's language. It holds `YYYY-MM-DD` (`''` for none) like the API.
 */
export function DateField({ value, onChange, ...props }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <DateInput
      placeholder={t('form.dateFormat')}
      clearable
      clearButtonProps={{ 'aria-label': t('form.clearDate') }}
      locale={i18n.language === 'ar' || i18n.language === 'nl' ? i18n.language : 'en'}
      valueFormat={(date) => dayjs(date).format(shown)}
      dateParser={parse}
      value={value || null}
      onChange={(date) => onChange?.(date ?? '')}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
