import { Loading, QueryError } from '../../components/Feedback.tsx';
import { CvView } from '../participants/CvPage.tsx';
import { usePortal } from './portal.ts';

/** The participant's own CV: the id comes from the portal answer. */
export default function MyCvPage() {
  const portal = usePortal();
  if (portal.isPending) return <Loading />;
  if (portal.error) return <QueryError error={portal.error} onRetry={() => void portal.refetch()} />;
  return <CvView participantId={portal.data.participantId} back="/" />;
}
