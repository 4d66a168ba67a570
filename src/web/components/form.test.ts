import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { planSave } from '../../shared/contracts/trajectories.ts';
import { contractRules } from './form.ts';

const t = ((key: string) => key) as unknown as TFunction;
const goal = {
  id: '7f1c2b9e-8a1d-4c2e-9f3b-1a2b3c4d5e6f',
  kind: 'work',
  target: 'Werk in de zorg',
  dueOn: null,
};

describe('contractRules', () => {
  const rules = contractRules(
    t,
    planSave,
    (values: object) => ({ baseVersion: 0, goals: [], steps: [], ...values }),
    {
      'goals.*.target': 'plan.targetRequired',
    },
  );

  it('accepts what the contract accepts', () => {
    expect(rules({ goals: [goal] })).toEqual({});
  });

  it('puts each problem on its field, worded per field for every row', () => {
    expect(rules({ goals: [goal, { ...goal, target: ' ' }] })).toEqual({
      'goals.1.target': 'plan.targetRequired',
    });
  });

  it('says so when free text holds a BSN, and "not filled in correctly" for anything else', () => {
    const errors = rules({
      goals: [
        { ...goal, target: 'BSN 111222333' },
        { ...goal, dueOn: '2026-02-30' },
      ],
    });
    expect(errors).toEqual({
      'goals.0.target': 'errors.privacy.bsn_refused',
      'goals.1.dueOn': 'validation.invalidValue',
    });
  });
});
