import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator looks up a DTO's rules on every validation by scanning the rules of every
 * class it knows for ancestors of the DTO (`prototype instanceof` each of several hundred
 * classes, then filtering): about a tenth of the CPU of a small request here. The rules are
 * fixed once the classes are loaded, so the answer is kept per class and options, and
 * forgotten whenever a rule is added (a class loaded later).
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  const forget = <A extends unknown[], R>(fn: (...args: A) => R) =>
    function (this: Storage, ...args: A): R {
      cache = new WeakMap();
      return fn.apply(this, args);
    };
  storage.addValidationMetadata = forget(storage.addValidationMetadata);
  storage.addConstraintMetadata = forget(storage.addConstraintMetadata);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = cache.get(target);
    if (!byOptions) {
      byOptions = new Map();
      cache.set(target, byOptions);
    }
    let found = byOptions.get(key);
    if (!found) {
      found = lookup(target, schema, always, strictGroups, groups);
      byOptions.set(key, found);
    }
    // callers may filter the list, never change it: one shared copy is safe
    return found;
  };
  // and the same list grouped by property, asked right after it
  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<object, ReturnType<Storage['groupByPropertyName']>>();
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) {
      found = group(metadata);
      grouped.set(metadata, found);
    }
    return found;
  };
}
