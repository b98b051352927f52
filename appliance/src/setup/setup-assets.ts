import { JOIN_CSS } from '../join/join-assets.js';

/** The wizard looks like the join page (the installer meets both), with forms and a step list added. */
export const SETUP_CSS = `${JOIN_CSS}
ol.wizard { list-style: none; padding: 0; margin: 16px 0; display: grid; gap: 6px; }
ol.wizard a { display: flex; align-items: center; gap: 10px; min-height: 44px; padding: 8px 12px; border-radius: 10px; background: #fff; color: var(--ink); text-decoration: none; }
ol.wizard a[aria-current="step"] { outline: 3px solid var(--ink); }
ol.wizard .number { display: inline-flex; width: 28px; height: 28px; border-radius: 50%; background: var(--ink); color: #fff; align-items: center; justify-content: center; font-weight: 700; }
ol.wizard .state { margin-left: auto; font-size: .85rem; color: #4a4f5c; }
ol.wizard .state.ok, p.ok { color: var(--ok); font-weight: 700; }
p.bad { color: var(--bad); font-weight: 700; }
section { background: #fff; border-radius: 14px; padding: 16px; margin-top: 16px; }
form { display: grid; gap: 12px; margin: 12px 0; }
.field { display: grid; gap: 4px; font-weight: 600; }
input, select, textarea { font: inherit; min-height: 44px; padding: 8px 10px; border: 2px solid #6b7080; border-radius: 8px; background: #fff; color: var(--ink); }
input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
fieldset { border: 2px solid #d5d2c0; border-radius: 8px; display: flex; gap: 16px; flex-wrap: wrap; }
.choice { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; }
button.button { font: inherit; cursor: pointer; }
.button.secondary { background: #fff; }
ul.items { list-style: none; padding: 0; display: grid; gap: 8px; }
ul.items li { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px; padding: 10px; border: 1px solid #d5d2c0; border-radius: 10px; }
ul.items .actions { display: flex; gap: 6px; flex-wrap: wrap; }
ul.items form { margin: 0; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 999px; background: var(--ok); color: #fff; font-size: .8rem; }
p.or { margin: 0; font-style: italic; }
`;
