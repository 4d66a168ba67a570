import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A date, held as `YYYY-MM-DD` (`''` for none) like the API's dates. Every form enters dates through this one
 * field: the browser's own date input today, which screen readers, keyboards and phones know and which works in
 * right-to-left languages. Moving to @mantine/dates (`DateInput` with `valueFormat="YYYY-MM-DD"`) is a change here.
 */
export function DateField(props: Omit<TextInputProps, 'type'>) {
  return <TextInput type="date" {...props} />;
}
