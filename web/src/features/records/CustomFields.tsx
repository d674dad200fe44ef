import { DetailGrid } from '../../components/DetailGrid.tsx';

/** "lead_behaviour_profile" → "Lead behaviour profile". */
function fieldLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldValue(value: string | number | boolean | null): string | null {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value === null ? null : String(value);
}

/** Extra fields a record brought from its source system (a CRM export), as label and value. */
export function CustomFields({ fields }: { fields: Record<string, string | number | boolean | null> }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return <DetailGrid details={entries.map(([key, value]) => ({ label: fieldLabel(key), value: fieldValue(value) }))} />;
}
