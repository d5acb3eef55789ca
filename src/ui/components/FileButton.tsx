import { useId } from 'react';

/**
 * A button that opens the file picker: a real file input (keyboard-focusable, named by its label) shown as
 * a button. Choosing the same file twice hands it on twice.
 */
export function FileButton(props: {
  label: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Read by screen readers after the label. */
  description?: string;
}) {
  const { label, accept, onFile, disabled, description } = props;
  const id = useId();
  return (
    <span className="file-button">
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={description ? `${id}-hint` : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className={disabled ? 'button disabled' : 'button'}>
        {label}
      </label>
      {description && (
        <span id={`${id}-hint`} className="visually-hidden">
          {description}
        </span>
      )}
    </span>
  );
}
