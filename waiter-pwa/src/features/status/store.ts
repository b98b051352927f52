import { create } from 'zustand';
import { fetchLicense, fetchPrinters, type LicenseStatus, type PrinterStatus } from './api';
import { licenseBanner, type LicenseBanner } from './license';

type StatusState = {
  /** The last request or the event stream reached the appliance. */
  reachable: boolean;
  online: boolean;
  license?: LicenseBanner;
  printers: Record<number, PrinterStatus>;
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
export const setLicense = (license: LicenseBanner | undefined) => useStatus.setState({ license });
export const offerUpdate = (update: () => void) => useStatus.setState({ update });

/** The licence status from GET /api/system/license or a `license.updated` event. */
export const applyLicense = (status: LicenseStatus) => setLicense(licenseBanner(status));

export function applyPrinter(printer: PrinterStatus): void {
  useStatus.setState(({ printers }) => ({ printers: { ...printers, [printer.id]: printer } }));
}

let loading: Promise<void> | undefined;

/** The licence and the printers; one load at a time. A failed request leaves what is shown as it is: the next catch-up tries again. */
export function loadStatus(): Promise<void> {
  loading ??= (async () => {
    const [license, printers] = await Promise.all([fetchLicense(), fetchPrinters()]);
    if (license.ok) applyLicense(license.data);
    if (printers.ok) printers.data.forEach(applyPrinter);
  })().finally(() => (loading = undefined));
  return loading;
}

/** Resolves once a status load under way (if any) has its answers. */
export const statusLoaded = () => loading ?? Promise.resolve();
