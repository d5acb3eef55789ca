import { memo } from 'react';
import { INTERSECTION_SEPARATOR } from '../../fairness/groupMetrics';
import { useI18n } from '../../i18n';
import type { Report } from '../../report/report';

/** The proxy finder: how well each input column alone guesses the attribute(s) shown. */
export const ProxyFinder = memo(function ProxyFinder({
  proxies,
  attribute,
}: {
  proxies: Report['proxies'];
  attribute: string;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.fairness;
  const attributes = attribute.split(INTERSECTION_SEPARATOR);
  const all = proxies ?? [];
  return (
    <div className="proxies" data-testid="proxy-finder">
      <h3>{t.proxies}</h3>
      {attributes.map((a) => {
        const list = all.filter((p) => p.attribute === a).slice(0, 8);
        if (list.length === 0) return null;
        const chance = list[0].chance;
        return (
          <div key={a}>
            <p className="muted">{t.proxiesIntro(a)}</p>
            <table className="data-table proxy-table">
              <thead>
                <tr>
                  <th scope="col">{t.proxyColumn}</th>
                  <th scope="col">
                    {t.proxyScore}
                    {chance !== null && <span className="muted"> ({t.chance(fmt.percent(chance, 0))})</span>}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.feature}>
                    <th scope="row">{p.feature}</th>
                    <td>
                      <span className="meter" aria-hidden="true">
                        <span style={{ width: `${Math.max(0, (p.score ?? 0) * 100)}%` }} />
                      </span>
                      {p.score === null ? t.notDefined : fmt.percent(p.score, 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
});
