import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { ApiError, fieldsOf } from '../api.ts';
import { errorText } from '../errors.ts';
import type { SummaryItem } from './Feedback.tsx';

/** The id of a form field's input, e.g. `invite-roles-0-regionId`: the error summary links to it. */
export const fieldId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`;

type FormLike = {
  errors: Record<string, unknown>;
  setFieldError: (path: string, error: string) => void;
};

/** Error summary state for one form: the general message, and focus on the summary after a failed submit. */
export function useFormFeedback() {
  const summaryId = `summary-${useId().replace(/:/g, '')}`;
  const [general, setGeneral] = useState<string | null>(null);
  const focusSummary = () => window.setTimeout(() => document.getElementById(summaryId)?.focus(), 0);
  return { summaryId, general, setGeneral, focusSummary };
}

/** One summary line per field error (linking to the field), plus the general message. */
export function summaryItems(
  formId: string,
  errors: Record<string, unknown>,
  labelOf: (path: string) => string,
  general: string | null,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (general) items.push({ message: general });
  for (const [path, error] of Object.entries(errors))
    if (error) items.push({ id: fieldId(formId, path), message: `${labelOf(path)}: ${String(error)}` });
  return items;
}

/**
 * Puts an API error where it belongs: on the fields the API named (when the form has them), else as the
 * general message. Returns true when it went to a field.
 */
export function applyServerError(
  t: TFunction,
  error: unknown,
  form: FormLike,
  knownField: (path: string) => boolean,
  setGeneral: (message: string | null) => void,
) {
  const fields = fieldsOf(error).filter(knownField);
  if (fields.length === 0) {
    setGeneral(errorText(t, error));
    return false;
  }
  const message =
    error instanceof ApiError && error.code === 'request.invalid'
      ? t('validation.invalidValue')
      : errorText(t, error);
  for (const field of fields) form.setFieldError(field, message);
  setGeneral(null);
  return true;
}

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const phonePattern = /^[+\d][\d ()-]*$/;
