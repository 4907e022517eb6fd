// The trivial Next app the bench measures e-Guichet against (bench/run.ts): same next and react, nothing else.
export default {};
