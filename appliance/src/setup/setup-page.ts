import { escapeHtml as e, fill } from '../shared/html.js';
import type { SetupLanguage, SetupMessages } from './setup.messages.js';
import type { SetupState } from './setup.service.js';

export const STEPS = ['restaurant', 'license', 'manager', 'printers', 'tables', 'ssh', 'finish'] as const;
/** Steps that may be left for later: setup finishes without them. */
const OPTIONAL: Step[] = ['license', 'printers', 'tables', 'ssh'];
export type Step = (typeof STEPS)[number];

export type SetupPageModel = {
  language: SetupLanguage;
  t: SetupMessages;
  state: SetupState;
  step: Step | undefined;
  /** A sentence saying what the last action did. */
  notice?: string | undefined;
  /** Why the last form was refused, shown above it with what was typed. */
  error?: string | undefined;
  values?: Record<string, string> | undefined;
  /** Printer discovery's answer, when it was asked for. */
  found?: string[] | undefined;
  discoveryPort: number;
  defaultCloudUrl: string;
};

const TITLES: Record<Step, keyof SetupMessages> = {
  restaurant: 'stepRestaurant',
  license: 'stepLicense',
  manager: 'stepManager',
  printers: 'stepPrinters',
  tables: 'stepTables',
  ssh: 'stepSsh',
  finish: 'stepFinish',
};

/** Whether each step has what it asks for; licence, printers and tables may be left for later. */
export function stepDone(state: SetupState): Record<Step, boolean> {
  return {
    restaurant: state.restaurant.name !== undefined,
    license: state.license.state === 'active',
    manager: state.managers.length > 0,
    printers: state.printers.some((printer) => printer.is_bill_printer),
    tables: state.groups.some((group) => group.labels.length > 0),
    ssh: state.sshKeys > 0,
    finish: state.finished,
  };
}

export function canFinish(state: SetupState): boolean {
  const done = stepDone(state);
  return done.restaurant && done.manager;
}

const field = (label: string, input: string) => `<label class="field"><span>${e(label)}</span>${input}</label>`;
const text = (name: string, value: string | undefined, attributes = '') => `<input name="${name}" value="${e(value ?? '')}" ${attributes}>`;
const form = (action: string, body: string, button: string, className = 'primary') =>
  `<form method="post" action="${action}">${body}<button class="button ${className}" type="submit">${e(button)}</button></form>`;

function restaurantStep(m: SetupPageModel): string {
  const { t, state } = m;
  const v = m.values ?? { name: state.restaurant.name ?? '', language: state.restaurant.language, time_zone: state.restaurant.time_zone };
  const zones = Intl.supportedValuesOf('timeZone');
  const language = (code: string, label: string) =>
    `<label class="choice"><input type="radio" name="language" value="${code}"${v.language === code ? ' checked' : ''}> ${e(label)}</label>`;
  return form(
    '/setup/restaurant',
    field(t.restaurantName, text('name', v.name, 'required maxlength="80" autocomplete="organization"')) +
      `<fieldset><legend>${e(t.language)}</legend>${language('el', t.languageEl)}${language('en', t.languageEn)}</fieldset>` +
      field(
        t.timeZone,
        `<select name="time_zone">${zones.map((zone) => `<option${zone === v.time_zone ? ' selected' : ''}>${e(zone)}</option>`).join('')}</select>`,
      ),
    t.save,
  );
}

function licenseStep(m: SetupPageModel): string {
  const { t, state } = m;
  const v = m.values ?? {};
  const status =
    state.license.state === 'active'
      ? `<p class="ok">${e(t.licenseActive)} (${e(state.license.site_id ?? '')})</p>`
      : state.license.site_id
        ? `<p class="bad">${e(fill(t.licenseNotActive, { reason: state.license.last_error ?? state.license.state }))}</p>`
        : `<p>${e(t.licenseNone)}</p>`;
  return (
    status +
    `<p>${e(t.licenseLead)}</p>` +
    form(
      '/setup/license',
      field(t.setupCode, `<textarea name="setup_code" rows="3" autocomplete="off" spellcheck="false">${e(v.setup_code ?? '')}</textarea>`) +
        `<p class="or">${e(t.orTypeThem)}</p>` +
        field(t.siteId, text('site_id', v.site_id, 'autocomplete="off"')) +
        field(t.siteKey, text('site_key', v.site_key, 'autocomplete="off" type="password"')) +
        field(t.cloudUrl, text('cloud_url', v.cloud_url ?? m.defaultCloudUrl, 'type="url"')),
      t.activate,
    )
  );
}

function managerStep(m: SetupPageModel): string {
  const { t, state } = m;
  const v = m.values ?? {};
  const list = state.managers.length
    ? `<h3>${e(t.managers)}</h3><ul class="items">${state.managers.map((manager) => `<li>${e(manager.full_name)} <span class="hint">(${e(manager.username)})</span></li>`).join('')}</ul>`
    : '';
  return (
    `<p>${e(t.managerLead)}</p>` +
    list +
    form(
      '/setup/manager',
      field(t.fullName, text('full_name', v.full_name, 'required maxlength="80" autocomplete="name"')) +
        field(t.username, text('username', v.username, 'required maxlength="40" autocapitalize="none" autocomplete="username"')) +
        field(t.pin, '<input name="pin" type="password" inputmode="numeric" pattern="[0-9]{4,8}" required autocomplete="new-password">') +
        field(t.pinAgain, '<input name="pin_again" type="password" inputmode="numeric" pattern="[0-9]{4,8}" required autocomplete="new-password">'),
      t.addManager,
    )
  );
}

function printersStep(m: SetupPageModel): string {
  const { t, state } = m;
  const v = m.values ?? {};
  const printers = state.printers.length
    ? `<ul class="items">${state.printers
        .map(
          (printer) =>
            `<li><div><strong>${e(printer.name)}</strong> <span class="hint">${e(printer.ip_address)}:${printer.port}</span>${
              printer.is_bill_printer ? ` <span class="badge">${e(t.billPrinter)}</span>` : ''
            }</div><div class="actions">${form(`/setup/printers/${printer.id}/test`, '', t.testPrint, 'secondary')}${
              printer.is_bill_printer ? '' : form(`/setup/printers/${printer.id}/bill`, '', t.makeBillPrinter, 'secondary')
            }${form(`/setup/printers/${printer.id}/remove`, '', t.remove, 'secondary')}</div></li>`,
        )
        .join('')}</ul>`
    : `<p>${e(t.noPrinters)}</p>`;
  const found =
    m.found === undefined
      ? ''
      : m.found.length === 0
        ? `<p class="bad">${e(fill(t.foundNone, { port: m.discoveryPort }))}</p>`
        : `<p>${e(fill(t.found, { count: m.found.length }))}</p><ul class="items">${m.found
            .map(
              (address) =>
                `<li>${form(
                  '/setup/printers/add',
                  `<input type="hidden" name="ip_address" value="${e(address)}"><input type="hidden" name="port" value="${m.discoveryPort}">` +
                    field(`${t.printerName} — ${address}`, text('name', '', 'required maxlength="60"')),
                  t.addPrinter,
                  'secondary',
                )}</li>`,
            )
            .join('')}</ul>`;
  return (
    `<p>${e(t.printersLead)}</p>` +
    printers +
    `<form method="get" action="/setup/printers"><input type="hidden" name="find" value="1"><button class="button primary" type="submit">${e(t.findPrinters)}</button></form>` +
    found +
    form(
      '/setup/printers/add',
      field(t.printerName, text('name', v.name, 'required maxlength="60"')) +
        field(t.address, text('ip_address', v.ip_address, 'required inputmode="decimal" autocomplete="off"')) +
        field(t.port, text('port', v.port ?? String(m.discoveryPort), 'required inputmode="numeric"')),
      t.addPrinter,
      'secondary',
    )
  );
}

function tablesStep(m: SetupPageModel): string {
  const { t, state } = m;
  const v = m.values ?? {};
  const groups = state.groups.length
    ? `<ul class="items">${state.groups
        .map(
          (group) =>
            `<li><div><strong>${e(group.name)}</strong> <span class="hint">${e(
              fill(t.tablesInGroup, { count: group.labels.length, first: group.labels[0] ?? '', last: group.labels.at(-1) ?? '' }),
            )}</span></div>${form(`/setup/tables/${group.id}/remove`, '', t.remove, 'secondary')}</li>`,
        )
        .join('')}</ul>`
    : `<p>${e(t.noTables)}</p>`;
  return (
    `<p>${e(t.tablesLead)}</p>` +
    groups +
    form(
      '/setup/tables/add',
      field(t.groupName, text('name', v.name, 'required maxlength="40"')) +
        field(t.tableCount, text('count', v.count ?? '10', 'required inputmode="numeric" pattern="[0-9]{1,3}"')) +
        field(t.labelPrefix, text('prefix', v.prefix, 'maxlength="6"')),
      t.addGroup,
      'secondary',
    )
  );
}

function sshStep(m: SetupPageModel): string {
  const { t, state } = m;
  return (
    `<p>${e(state.sshKeys ? fill(t.sshOn, { count: state.sshKeys }) : t.sshOff)}</p><p>${e(t.sshLead)}</p>` +
    form(
      '/setup/ssh',
      field(t.sshKey, `<textarea name="key" rows="3" autocomplete="off" spellcheck="false" required>${e(m.values?.key ?? '')}</textarea>`),
      t.enableSsh,
      'secondary',
    )
  );
}

function finishStep(m: SetupPageModel): string {
  const { t, state } = m;
  const done = stepDone(state);
  const warnings = [!done.license && t.finishWarnLicense, !done.printers && t.finishWarnPrinters].filter((warning): warning is string => Boolean(warning));
  return (
    `<p>${e(t.finishLead)}</p>` +
    warnings.map((warning) => `<p class="bad">${e(warning)}</p>`).join('') +
    (canFinish(state) ? form('/setup/finish', '', t.finish) : `<p class="bad">${e(t.finishNeeds)}</p>`)
  );
}

const RENDER: Record<Step, (m: SetupPageModel) => string> = {
  restaurant: restaurantStep,
  license: licenseStep,
  manager: managerStep,
  printers: printersStep,
  tables: tablesStep,
  ssh: sshStep,
  finish: finishStep,
};

/** The wizard: every step with its state, and the open step's form. */
export function setupPage(m: SetupPageModel): string {
  const { t, language } = m;
  const done = stepDone(m.state);
  const other: SetupLanguage = language === 'el' ? 'en' : 'el';
  const here = m.step ? `/setup/${m.step === 'restaurant' ? '' : m.step}` : '/setup/';
  const steps = STEPS.map((step, index) => {
    const status = done[step] ? t.done : OPTIONAL.includes(step) ? t.optional : t.todo;
    const current = step === (m.step ?? 'restaurant') ? ' aria-current="step"' : '';
    return `<li><a href="/setup/${step === 'restaurant' ? '' : step}"${current}><span class="number">${index + 1}</span> ${e(t[TITLES[step]])} <span class="state ${done[step] ? 'ok' : ''}">${e(status)}</span></a></li>`;
  }).join('');
  const step = m.step ?? 'restaurant';
  const next = STEPS[STEPS.indexOf(step) + 1];
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(t.title)}</title><link rel="stylesheet" href="/setup/setup.css"></head>
<body><main><header><h1>${e(t.title)}</h1><a href="${here}?lang=${other}" lang="${other}">${e(t.switchLanguage)}</a></header><p>${e(t.lead)}</p>
<nav aria-label="${e(t.title)}"><ol class="wizard">${steps}</ol></nav>
<section><h2>${e(t[TITLES[step]])}</h2>${m.notice ? `<p class="ok" role="status">${e(m.notice)}</p>` : ''}${m.error ? `<p class="bad" role="alert">${e(m.error)}</p>` : ''}${RENDER[step](m)}
${next ? `<p><a class="button secondary" href="/setup/${next}">${e(t.next)}: ${e(t[TITLES[next]])}</a></p>` : ''}</section></main></body></html>`;
}

/** The page after the last step: where to go now. */
export function finishedPage(language: SetupLanguage, t: SetupMessages, username: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(t.title)}</title><link rel="stylesheet" href="/setup/setup.css"></head>
<body><main><h1>${e(t.title)}</h1><p class="ok" role="status">${e(fill(t.finished, { username }))}</p><p><a class="button primary" href="/manager/">${e(t.openDashboard)}</a></p></main></body></html>`;
}
