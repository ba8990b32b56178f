// Registry of native (TS-implemented) modules: name -> factory, consulted by the import system before the stdlib.
import type { PyModule } from "../core";

const factories = new Map<string, () => PyModule>();

/** Registers a native module; the factory runs on first import (the result is cached in sys.modules). */
export function registerNativeModule(name: string, factory: () => PyModule): void {
  factories.set(name, factory);
}
export function nativeModuleFactory(name: string): (() => PyModule) | undefined {
  return factories.get(name);
}
export function nativeModuleNames(): string[] {
  return [...factories.keys()];
}
