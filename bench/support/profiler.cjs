// Preloaded (`node -r`) into the server that bench/token-profile.mjs drives, over an IPC channel:
// `profile:start` starts a CPU profile, `profile:stop` writes it to PROFILE_FILE. The profile
// covers the load only, not the start-up (module loading, migrations), which `--cpu-prof` would
// mix in. Both print a marker line, which also tells the driver where the load begins and ends in
// the `--trace-gc` output. (Not signals: Nest's shutdown hooks take SIGUSR2 as a stop.)
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');

const session = new Session();
session.connect();

process.on('message', (message) => {
  if (message === 'profile:start') {
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start', () => console.log('[profile] started'))),
    );
  }
  if (message === 'profile:stop') {
    session.post('Profiler.stop', (error, result) => {
      if (error) throw error;
      writeFileSync(process.env.PROFILE_FILE, JSON.stringify(result.profile));
      console.log('[profile] written');
    });
  }
});
