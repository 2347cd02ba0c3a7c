import { Checkbox, FormControl, FormControlLabel, FormHelperText } from '@mui/material';
import { type InputProps, useInput } from 'react-admin';

type CheckboxInputProps = Pick<InputProps, 'source' | 'format' | 'parse' | 'defaultValue'> & {
  label: string;
  helperText?: string;
};

/** A boolean as a labelled checkbox (react-admin's BooleanInput is a switch). */
export const CheckboxInput = ({ label, helperText, ...inputProps }: CheckboxInputProps) => {
  const { field, id } = useInput(inputProps);
  const helperId = `${id}-helper-text`;

  return (
    <FormControl margin="dense">
      <FormControlLabel
        label={label}
        control={
          <Checkbox
            id={id}
            name={field.name}
            checked={Boolean(field.value)}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            slotProps={{ input: helperText ? { 'aria-describedby': helperId } : {} }}
          />
        }
      />
      {helperText && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  );
};
