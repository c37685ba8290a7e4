import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The component tests talk to real local HTTP servers; on a loaded CI machine an answer can take
// longer than Testing Library's 1 s default, which made correct pages fail as "not found".
configure({ asyncUtilTimeout: 5_000 });
