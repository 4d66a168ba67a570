import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatDate } from '../../i18n/format.ts';
import { ensureLoaded } from '../../i18n/index.ts';
import { displayName, participantKeys } from '../../participants.ts';

/** Staff: the CV of a participant. */
export default function CvPage() {
  const { id = '' } = useParams();
  return <CvView participantId={id} back={`/participants/${id}`} />;
}

/** A Europass-like CV in Dutch (for Dutch employers), printable as PDF by the browser. */
export function CvView({ participantId, back }: { participantId: string; back: string }) {
  const { t, i18n } = useTranslation();
  const nl = i18n.getFixedT('nl');
  const cv = useQuery({
    queryKey: participantKeys.cv(participantId),
    queryFn: () => api.get('/api/participants/:id/cv', { params: { id: participantId } }),
  });
  // The CV is in Dutch whatever the UI language: load the Dutch texts first.
  const dutch = useQuery({
    queryKey: ['locale', 'nl'],
    queryFn: async () => {
      await ensureLoaded('nl');
      return true;
    },
    staleTime: Infinity,
  });
  if (cv.isPending || dutch.isPending) return <Loading />;
  if (cv.error) return <QueryError error={cv.error} onRetry={() => void cv.refetch()} />;
  const data = cv.data;
  const country = (code: string | null) => (code ? displayName('region', code, 'nl') : '');

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm" className="no-print">
        <Anchor component={Link} to={back}>
          {t('cv.back')}
        </Anchor>
        <Button leftSection={<IconPrinter size={18} aria-hidden="true" />} onClick={() => window.print()}>
          {t('cv.print')}
        </Button>
      </Group>
      <article className="cv" lang="nl" dir="ltr" aria-labelledby="cv-name">
        <PageTitle title={`${nl('cv.title')}: ${data.name}`} order={1} className="cv-name" id="cv-name">
          <span dir="auto">{data.name}</span>
        </PageTitle>
        <p className="cv-subtitle">{nl('cv.title')}</p>

        <section>
          <h2>{nl('cv.personal')}</h2>
          <dl className="cv-facts">
            <dt>{nl('cv.name')}</dt>
            <dd dir="auto">{data.name}</dd>
            <dt>{nl('cv.place')}</dt>
            <dd>{data.municipalityName}</dd>
            {data.phone && (
              <>
                <dt>{nl('cv.phone')}</dt>
                <dd dir="ltr">{data.phone}</dd>
              </>
            )}
            {data.email && (
              <>
                <dt>{nl('cv.email')}</dt>
                <dd dir="ltr">{data.email}</dd>
              </>
            )}
            <dt>{nl('cv.drivingLicence')}</dt>
            <dd>{data.hasDrivingLicence ? nl('common.yes') : nl('common.no')}</dd>
          </dl>
        </section>

        <section>
          <h2>{nl('cv.work')}</h2>
          {data.workExperience.length === 0 ? (
            <p>–</p>
          ) : (
            <ul>
              {data.workExperience.map((w, i) => (
                <li key={i}>
                  <strong dir="auto">{w.occupation}</strong>
                  {w.years !== null && <> · {nl('cv.years', { count: w.years })}</>}
                  {w.country && <> · {country(w.country)}</>}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section>
          <h2>{nl('cv.education')}</h2>
          {data.education.length === 0 ? (
            <p>–</p>
          ) : (
            <ul>
              {data.education.map((e, i) => (
                <li key={i}>
                  <strong>{nl(`educationLevel.${e.level}`)}</strong>
                  {e.field && (
                    <>
                      {' '}
                      – <span dir="auto">{e.field}</span>
                    </>
                  )}
                  {e.country && <> · {country(e.country)}</>}
                  {e.years !== null && <> · {nl('cv.years', { count: e.years })}</>}
                  {e.hasDiploma && <> · {nl('cv.diploma')}</>}
                  {e.valuationResult && (
                    <>
                      {' '}
                      · {nl('cv.valuation')}: <span dir="auto">{e.valuationResult}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section>
          <h2>{nl('cv.languages')}</h2>
          <ul>
            {data.languages.map((code) => (
              <li key={code}>{displayName('language', code, 'nl')}</li>
            ))}
          </ul>
          {data.dutchLevels.length > 0 && (
            <>
              <h3>{nl('cv.dutch')}</h3>
              <dl className="cv-facts">
                {data.dutchLevels.map((l) => (
                  <div key={l.skill} style={{ display: 'contents' }}>
                    <dt>{nl(`cefrSkill.${l.skill}`)}</dt>
                    <dd>{nl(`cefrLevel.${l.level}`)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </section>

        <section>
          <h2>{nl('cv.activities')}</h2>
          {data.activities.length === 0 ? (
            <p>–</p>
          ) : (
            <ul>
              {data.activities.map((a, i) => (
                <li key={i}>
                  {nl(`activityKind.${a.kind}`)} · {formatDate(a.happenedOn, 'nl')}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section>
          <h2>{nl('cv.ambition')}</h2>
          <p dir="auto">{data.ambition || '–'}</p>
        </section>
      </article>
    </Stack>
  );
}
