/** Electron's print() reports through a callback; a cancelled dialog is not an error. */
export type Printable = {
  print(options: { silent: false; printBackground: boolean }, callback: (success: boolean, failureReason: string) => void): void;
};

export function printContents(contents: Printable): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success || failureReason === 'cancelled') resolve();
      else reject(new Error(`Printing failed: ${failureReason}`));
    });
  });
}
