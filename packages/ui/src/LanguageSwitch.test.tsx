import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '@tavli/i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

describe('the language switch', () => {
  afterEach(() => cleanup());

  it('is named starting with what it shows, so a voice-control user can say it, and switches the language', () => {
    useLanguage.setState({ language: 'el' });
    render(<LanguageSwitch />);
    const button = screen.getByRole('button');
    expect(button.textContent).toBe('EN');
    expect(button.getAttribute('aria-label')).toBe('EN · Switch to English');
    fireEvent.click(button);
    expect(useLanguage.getState().language).toBe('en');
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe('ΕΛ · Αλλαγή σε Ελληνικά');
  });
});
