import { useI18n } from '../../i18n';

/** Seconds as "12 s" or "3 min 5 s", in the reader's language. */
export function useDuration(): (seconds: number) => string {
  const { m, fmt } = useI18n();
  return (seconds) => {
    if (seconds < 60) return m.train.seconds(fmt.decimal(seconds, seconds < 10 ? 1 : 0));
    const whole = Math.round(seconds);
    return m.train.minutes(fmt.integer(Math.floor(whole / 60)), fmt.integer(whole % 60));
  };
}
