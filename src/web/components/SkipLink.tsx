import { useTranslation } from 'react-i18next';

/** The first thing a keyboard user reaches: jumps past the header and menu to the page content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="skip-link"
      onClick={(event) => {
        const main = document.getElementById('main');
        if (main) {
          event.preventDefault();
          main.focus();
        }
      }}
    >
      {t('app.skipLink')}
    </a>
  );
}
