import { QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { queryClient } from '../shared/api/queries';
import { useFormat } from '../shared/format';
import { settingsQuery, type Settings } from '../features/settings/queries';

const settings: Settings = {
  restaurant_name: 'Ταβέρνα',
  restaurant_address: '',
  vat_number: '',
  business_day_start: '05:00',
  language: 'el',
  time_zone: 'Europe/Athens',
  currency: 'EUR',
};

const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;

/** Renders with the dashboard's query client, holding the settings of an Athens restaurant. */
export function renderWithData(element: ReactElement) {
  queryClient.setQueryData(settingsQuery.queryKey, settings);
  return render(element, { wrapper });
}

/** The formatting the screens use, for the same restaurant. */
export function athensFormat() {
  queryClient.setQueryData(settingsQuery.queryKey, settings);
  return renderHook(() => useFormat(), { wrapper }).result.current;
}
