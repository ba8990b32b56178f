// Windows executables: version strings, the icon (from a .ico file) and the GUI subsystem for --windowed, edited with resedit.
import * as ResEdit from "resedit";
import { PypackError } from "./errors";

export interface WindowsResources {
  name: string;
  /** Contents of a .ico file, if --icon was given. */
  icon?: Uint8Array;
  /** GUI subsystem (no console window), for -w/--windowed. */
  windowed: boolean;
}

const IMAGE_SUBSYSTEM_WINDOWS_GUI = 2;
const IMAGE_SUBSYSTEM_WINDOWS_CUI = 3;

/** Returns a copy of the PE image with our resources; Node's Authenticode signature is dropped (it no longer matches). */
export function applyWindowsResources(image: Buffer, res: WindowsResources): Buffer {
  const exe = ResEdit.NtExecutable.from(image, { ignoreCert: true });
  const rsrc = ResEdit.NtExecutableResource.from(exe);
  if (res.icon) replaceIcon(rsrc, res.icon);
  setVersionStrings(rsrc, res.name);
  rsrc.outputResource(exe);
  const out = Buffer.from(exe.generate());
  setSubsystem(out, res.windowed ? IMAGE_SUBSYSTEM_WINDOWS_GUI : IMAGE_SUBSYSTEM_WINDOWS_CUI);
  return out;
}

function replaceIcon(rsrc: ResEdit.NtExecutableResource, ico: Uint8Array): void {
  let iconFile: ResEdit.Data.IconFile;
  try {
    iconFile = ResEdit.Data.IconFile.from(ico);
  } catch (err) {
    throw new PypackError(`--icon: not a valid .ico file (${(err as Error).message})`);
  }
  if (iconFile.icons.length === 0) throw new PypackError("--icon: the .ico file holds no images");
  // Replace Node's own icon group so Explorer shows ours (the first group is the application icon).
  const groups = ResEdit.Resource.IconGroupEntry.fromEntries(rsrc.entries);
  const id = groups[0]?.id ?? 1;
  const lang = groups[0]?.lang ?? 1033;
  ResEdit.Resource.IconGroupEntry.replaceIconsForResource(rsrc.entries, id, lang, iconFile.icons.map((i) => i.data));
}

function setVersionStrings(rsrc: ResEdit.NtExecutableResource, name: string): void {
  const infos = ResEdit.Resource.VersionInfo.fromEntries(rsrc.entries);
  const vi = infos[0] ?? ResEdit.Resource.VersionInfo.createEmpty();
  const langs = vi.getAllLanguagesForStringValues();
  const targets = langs.length > 0 ? langs : [{ lang: 1033, codepage: 1200 }];
  for (const lang of targets) {
    vi.setStringValues(lang, {
      FileDescription: name,
      ProductName: name,
      InternalName: name,
      OriginalFilename: `${name}.exe`,
    });
  }
  vi.outputToResourceEntries(rsrc.entries);
}

/** The Subsystem field sits at offset 68 of the optional header (same for PE32 and PE32+). */
function setSubsystem(image: Buffer, subsystem: number): void {
  const pe = image.readUInt32LE(0x3c);
  image.writeUInt16LE(subsystem, pe + 24 + 68);
}
