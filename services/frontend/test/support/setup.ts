import '@testing-library/jest-dom';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  if (typeof window === 'undefined') return; // node-environment suites (nginx) have no DOM to reset
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
