import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ParticipantFile } from '../../../participants.ts';
import { intakeRequest, intakeRules, intakeValues } from './intake.ts';

const t = ((key: string) => key) as unknown as TFunction;
const file = {
  id: '7f1c2b9e-8a1d-4c2e-9f3b-1a2b3c4d5e6f',
  version: 3,
  name: 'Rahel Kidane',
  permitName: '',
  dateOfBirth: null,
  gender: 'female',
  nationality: 'ER',
  countryOfBirth: null,
  languages: ['ti', 'ar'],
  preferredLanguage: 'ti',
  contactChannel: 'phone',
  phone: '06 12345678',
  email: '',
  arrivalDate: '2024-05-01',
  permitDate: null,
  pipDate: null,
  integrationRoute: 'b1',
  hasDrivingLicence: false,
  availability: { days: ['mon', 'tue'], hoursPerWeek: null },
  constraints: { childcare: true, healthLimitsAvailability: false, healthHoursPerWeek: 12 },
  ambitions: {
    dreamJob: { escoUri: null, text: 'Verpleegkundige' },
    nextStep: { escoUri: null, text: '' },
    sectors: ['zorg', 'schoonmaak'],
  },
  education: [
    {
      country: 'ER',
      level: 'secondary',
      field: '',
      years: null,
      hasDiploma: true,
      valuation: 'not_requested',
      valuationResult: '',
    },
  ],
  workExperience: [],
} as unknown as ParticipantFile;

describe('the intake form', () => {
  it('sends what the file holds unchanged as the same values', () => {
    const request = intakeRequest(file, intakeValues(file));
    expect(request).toMatchObject({
      version: 3,
      nationality: 'ER',
      dateOfBirth: null,
      arrivalDate: '2024-05-01',
      availability: { days: ['mon', 'tue'], hoursPerWeek: null },
      // No health limit: no hours either.
      constraints: { childcare: true, healthLimitsAvailability: false, healthHoursPerWeek: null },
      ambitions: { sectors: ['zorg', 'schoonmaak'] },
      education: [{ years: null }],
    });
    expect(intakeRules(t, file)(intakeValues(file))).toEqual({});
  });

  it('leaves out nationality and country of birth for whoever may not see them', () => {
    const { nationality: _n, countryOfBirth: _c, ...withoutOrigin } = file;
    const request = intakeRequest(withoutOrigin as ParticipantFile, intakeValues(file));
    expect(Object.keys(request)).not.toContain('nationality');
    expect(Object.keys(request)).not.toContain('countryOfBirth');
  });

  it('refuses what the API refuses, on the form field', () => {
    const values = intakeValues(file);
    const errors = intakeRules(
      t,
      file,
    )({
      ...values,
      name: '',
      phone: '0612',
      ambitions: { ...values.ambitions, sectors: 'zorg, 111222333' },
      workExperience: [{ escoUri: null, occupation: ' ', years: '', country: null }],
    });
    expect(errors).toEqual({
      name: 'validation.nameRequired',
      phone: 'validation.phoneInvalid',
      'ambitions.sectors': 'errors.privacy.bsn_refused',
      'workExperience.0.occupation': 'coaching.textRequired',
    });
  });
});
