// Which partition an item is fused in. Items of different partitions never merge, so the KB
// can fuse one partition (a process, an agreement kind) without reading the rest.
import type {
  Agreement, Alignment, ConflictEvent, Demand, Meeting, Person, Process, RecordList, Round,
} from '../../extract/record.js';
import { actorKey } from './sourced.js';

export type ListItem = {
  processes: Process; rounds: Round; agreements: Agreement; meetings: Meeting; people: Person;
  alignments: Alignment; demands: Demand; events: ConflictEvent;
};

export function partitionOf<L extends RecordList>(list: L, item: ListItem[L]): string {
  switch (list) {
    case 'processes': return (item as Process).id;
    case 'rounds': return (item as Round).process;
    case 'agreements': return (item as Agreement).kind;
    case 'meetings': return [...new Set((item as Meeting).participants.map(actorKey))].sort().join(',');
    case 'people': return (item as Person).id;
    case 'alignments': return actorKey((item as Alignment).actor);
    case 'demands': return actorKey((item as Demand).actor);
    case 'events': return (item as ConflictEvent).kind;
    default: return '';
  }
}
