/** Vocabularies of trajectories, plans and coaching. */
export const goalKinds = ['work', 'education', 'dutch_language', 'network', 'personal_development'] as const;
export const stepOwners = ['participant', 'coach', 'municipality', 'employer'] as const;
export const stepStatuses = ['open', 'done', 'dropped'] as const;
export const meetingModes = ['in_person', 'phone', 'video', 'chat'] as const;
export const noteVisibilities = ['team', 'participant'] as const;
export const applicationStatuses = ['sent', 'interview', 'rejected', 'offer'] as const;
export const activityKinds = [
  'cv_made',
  'open_day',
  'temp_agency_visit',
  'contract_read',
  'accompanied_interview',
  'company_visit',
  'other',
] as const;
/** Where an appointment takes place: an address to go to, a video link, or a phone call. */
export const appointmentPlaces = ['address', 'video', 'phone'] as const;
/** A planned appointment is held (a meeting record closed it) or cancelled; a move keeps it planned. */
export const appointmentStatuses = ['planned', 'held', 'cancelled'] as const;
