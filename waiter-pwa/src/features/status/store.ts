import { create } from 'zustand';
import { fetchLicense, fetchPrinters, type LicenseInfo, type PrinterInfo } from './api';

type StatusState = {
  /** The last request or the event stream reached the appliance. */
  reachable: boolean;
  online: boolean;
  license?: LicenseInfo;
  printers: Record<number, PrinterInfo>;
  /** A new version of the app is installed and waiting. */
  update?: () => void;
};

export const useStatus = create<StatusState>()(() => ({
  reachable: true,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  printers: {},
}));

export const setReachable = (reachable: boolean) => {
  if (useStatus.getState().reachable !== reachable) useStatus.setState({ reachable });
};
export const setOnline = (online: boolean) => useStatus.setState({ online });
export const setLicense = (license: LicenseInfo | undefined) => useStatus.setState({ license });
export const offerUpdate = (update: () => void) => useStatus.setState({ update });

export function applyPrinter(printer: PrinterInfo): void {
  useStatus.setState(({ printers }) => ({ printers: { ...printers, [printer.id]: printer } }));
}

export async function loadStatus(): Promise<void> {
  const [license, printers] = await Promise.all([fetchLicense(), fetchPrinters()]);
  if (license !== undefined) setLicense(license ?? undefined);
  printers.forEach(applyPrinter);
}
