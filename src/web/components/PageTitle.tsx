import { useEffect, type ReactNode } from 'react';
import { Title, type TitleProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one h1 of a page; also sets the browser tab title. */
export function PageTitle({
  title,
  children,
  ...props
}: { title: string; children?: ReactNode } & TitleProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <Title order={1} {...props}>
      {children ?? title}
    </Title>
  );
}
