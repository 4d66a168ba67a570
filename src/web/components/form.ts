import { useId, useState } from 'react';
import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
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

/** `workExperience.2.occupation` as `workExperience.*.occupation`: one message for a field of every row. */
const anyRow = (path: string) => path.replace(/\.\d+(?=\.|$)/g, '.*');

/**
 * Validation for `useForm` by the API's own contract: `toRequest` shapes the values as the request, the schema
 * the server checks refuses what the server would refuse, and each problem lands on its field. `messages` words
 * them per field (`'steps.*.text'` for every row); a BSN gets its own message, anything else "not filled in
 * correctly". `fieldOf` names the form field for a request path where the two differ.
 */
export function contractRules<V>(
  t: TFunction,
  schema: z.ZodType,
  toRequest: (values: V) => unknown,
  messages: Record<string, string> = {},
  fieldOf: (path: string) => string = (path) => path,
) {
  return (values: V): FormErrors => {
    const result = schema.safeParse(toRequest(values));
    const errors: FormErrors = {};
    for (const issue of result.error?.issues ?? []) {
      const field = fieldOf(issue.path.map(String).join('.'));
      errors[field] ??=
        issue.message === 'privacy.bsn_refused'
          ? t('errors.privacy.bsn_refused')
          : (messages[anyRow(field)] ?? t('validation.invalidValue'));
    }
    return errors;
  };
}

/** True when `path` (`education.0.field`) names a value the form holds. */
function holds(values: unknown, path: string) {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * A form that sends its values to the API, the one way forms work here: `useForm` with its validation, the error
 * summary (the general message and a line per field, focused after a failed submit), and the API's refusals put
 * on the fields they name. `send` makes the request; `onSaved` gets its answer. `onRefused` may show a refusal
 * its own way (a version conflict) and return true, or return the sentence to show for it.
 */
export function useApiForm<V extends Record<string, unknown>, R>(options: {
  formId: string;
  initialValues: V;
  validate: (values: V) => FormErrors;
  labelOf: (path: string) => string;
  send: (values: V) => Promise<R>;
  onSaved: (result: R, form: UseFormReturnType<V>, values: V) => void;
  onRefused?: (error: unknown) => boolean | string;
}) {
  const { t } = useTranslation();
  const feedback = useFormFeedback();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: options.validate,
  });
  const mutation = useMutation({ mutationFn: options.send });
  const onSubmit = form.onSubmit(
    async (values) => {
      feedback.setGeneral(null);
      try {
        options.onSaved(await mutation.mutateAsync(values), form, values);
      } catch (error) {
        const handled = options.onRefused?.(error) ?? false;
        if (handled === true) return;
        if (typeof handled === 'string') feedback.setGeneral(handled);
        else applyServerError(t, error, form, (path) => holds(form.values, path), feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => {
      feedback.setGeneral(null);
      feedback.focusSummary();
    },
  );
  return {
    form,
    onSubmit,
    pending: mutation.isPending,
    summary: {
      id: feedback.summaryId,
      items: summaryItems(options.formId, form.errors, options.labelOf, feedback.general),
    },
    /** The props of the input for `path`: its id (the summary links to it), value, change handler and error. */
    field: (path: string, type?: 'checkbox') => {
      const props = form.getInputProps(path, type ? { type } : undefined);
      return { ...props, id: fieldId(options.formId, path), value: props.value };
    },
  };
}

/** What the parts of a larger form (its fieldsets) get: the form, and the props of each input by path. */
export type FormParts<V extends Record<string, unknown>> = Pick<
  ReturnType<typeof useApiForm<V, unknown>>,
  'form' | 'field'
>;
