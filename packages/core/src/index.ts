export * from './document/model';
export * from './document/problems';
export * from './text/clean';
export * from './money/amount';
export * from './target/words';
export * from './target/parse-target';
export * from './target/parse-actual';
export * from './indicators/levels';
