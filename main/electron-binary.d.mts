/** The installed Electron binary's path, or null when it is not installed. */
export function installedElectron(): string | null;
/** The installed binary, downloading it first when it is missing and the network allows. */
export function electronBinary(): string | null;
