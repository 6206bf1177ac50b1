// seedrandom's alea generator on its own (the package's index bundles six generators and an ARC4
// seeder the game never uses). Typed as the package's own `seedrandom.alea`.
declare module 'seedrandom/lib/alea.js' {
  import seedrandom from 'seedrandom';
  const alea: (typeof seedrandom)['alea'];
  export default alea;
}
