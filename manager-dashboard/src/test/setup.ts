import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { queryClient } from '../shared/api/queries';
import { useLanguage } from '../i18n/i18n';

// Component tests read in Greek, the house language, whatever the test machine's locale.
beforeEach(() => useLanguage.setState({ language: 'el' }));
afterEach(() => {
  cleanup();
  queryClient.clear();
});
