import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useLanguage } from '../i18n/i18n';

beforeEach(() => useLanguage.setState({ language: 'en' }));
afterEach(() => cleanup());
