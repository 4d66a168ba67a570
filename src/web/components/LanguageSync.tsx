import { useEffect, useEffectEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/me.ts';
import { switchLanguage } from '../i18n/index.ts';
import { languageFor, languageFromSearch, searchWithoutLanguage, storedLanguage } from '../i18n/languages.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/**
 * Keeps the UI language right while the app runs: a `?lang=xx` in a link wins and is remembered;
 * otherwise the signed-in user's own language applies, unless they chose one on this device.
 */
export function LanguageSync() {
  const location = useLocation();
  const navigate = useNavigate();
  const { language, setLanguage } = useLanguage();
  const me = useMe().data;

  const applyFromUrl = useEffectEvent((search: string) => {
    const fromUrl = languageFromSearch(search);
    if (!fromUrl) return;
    void setLanguage(fromUrl);
    navigate(
      { pathname: location.pathname, search: searchWithoutLanguage(search), hash: location.hash },
      { replace: true, state: location.state },
    );
  });
  useEffect(() => applyFromUrl(location.search), [location.search]);

  useEffect(() => {
    if (!me) return;
    const roles = me.roles.map((r) => r.role);
    // A language only the portal speaks (chosen on the sign-in page) is not kept on staff screens.
    const wanted = languageFor(roles, storedLanguage() ?? me.preferredLanguage);
    if (wanted !== language) void switchLanguage(wanted);
  }, [me, language]);

  return null;
}
