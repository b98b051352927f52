import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeLicenseStatus, makePrinterStatus } from '../../../test/factories';
import { applyLicense, applyPrinter, useStatus } from '../store';
import { PrinterBanners } from './PrinterBanners';
import { StatusBanners } from './StatusBanners';

beforeEach(() => useStatus.setState({ reachable: true, online: true, license: undefined, printers: {} }));

describe('the status banners', () => {
  it('warns about a printer that stopped answering, with its waiting tickets, but not one never tried yet', () => {
    applyPrinter(makePrinterStatus({ name: 'Κουζίνα', online: false, queued: 3 }));
    applyPrinter(makePrinterStatus({ name: 'Μπαρ', online: null }));
    render(<PrinterBanners />);
    expect(screen.getByText(/Ο εκτυπωτής «Κουζίνα» δεν απαντά/).textContent).toContain('Κουζίνα: 3 δελτία σε αναμονή');
    expect(screen.queryByText(/Μπαρ/)).toBeNull();
  });

  it('says the site is locked, and why, as soon as the appliance reports it', () => {
    applyLicense(makeLicenseStatus({ state: 'locked', lock_reason: 'απλήρωτη συνδρομή' }));
    render(<StatusBanners />);
    expect(screen.getByText('Ο σταθμός είναι κλειδωμένος: απλήρωτη συνδρομή. Οι παραγγελίες δεν στέλνονται.')).toBeTruthy();
  });
});
