import { useTranslation } from 'react-i18next';
import { toCsv, type CsvCell } from '../../../shared/csv.ts';
import { downloadText } from './download.ts';

export type TableData = { header: string[]; rows: CsvCell[][] };

/** A table of the dashboard with its CSV export: the file holds exactly the rows shown. */
export function StatsTable({ name, caption, data, download = downloadText }: { name: string; caption: string; data: TableData; download?: typeof downloadText }) {
  const { t } = useTranslation();
  return (
    <div className="stats-table" data-testid={`stats-table-${name}`}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {data.header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i} data-testid="stats-row">
              {r.map((cell, k) =>
                k === 0 ? (
                  <th key={k} scope="row" dir="auto">
                    {cell ?? ''}
                  </th>
                ) : (
                  <td key={k}>{cell ?? ''}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button" data-testid={`stats-export-${name}`} onClick={() => download(`${name}.csv`, toCsv(data.header, data.rows))}>
        {t('stats.exportCsv')}
      </button>
    </div>
  );
}
