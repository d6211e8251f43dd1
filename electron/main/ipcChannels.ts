// Shared by main and preload so the channel names cannot drift apart.
export const IPC = {
  print: 'shell:print',
  printToPdf: 'shell:printToPdf',
  saveFile: 'shell:saveFile',
  openFile: 'shell:openFile',
  secretsSave: 'shell:secrets:save',
  secretsLoad: 'shell:secrets:load',
  secretsRemove: 'shell:secrets:remove',
} as const

export type IpcChannel = (typeof IPC)[keyof typeof IPC]
