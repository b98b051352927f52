import { useT } from '../../../i18n/i18n';
import { Sheet } from '@tavli/ui/Sheet';
import { useSession } from '../../session/store';
import { commandsFor, outbox, useOutbox } from '../store';
import { CommandRow } from './CommandRow';

/** Everything this phone still has to send, and every refusal with its reason and its fixes. */
export function OutboxSheet({ onClose }: { onClose(): void }) {
  const t = useT();
  const userId = useSession((state) => state.user?.id);
  const all = useOutbox((state) => state.commands);
  const mine = commandsFor(all, userId);
  const others = all.length - mine.length;
  return (
    <Sheet
      title={t('outbox.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <button type="button" className="button primary wide" disabled={mine.length === 0} onClick={() => void outbox().flush()}>
          {t('outbox.sendNow')}
        </button>
      }
    >
      {mine.length === 0 ? <p className="muted">{t('outbox.empty')}</p> : null}
      <ul className="commands">
        {mine.map((command) => (
          <CommandRow
            key={command.seq}
            command={command}
            followers={command.kind === 'open' ? mine.filter((other) => other.orderId === command.orderId && other.seq > command.seq).length : 0}
            onDone={onClose}
          />
        ))}
      </ul>
      {others > 0 ? <p className="muted">{t('outbox.otherUser')}</p> : null}
    </Sheet>
  );
}
