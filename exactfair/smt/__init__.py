"""The SMT side: claims encoded for the kernel's solvers, the routes to a verdict, and their guards.

* :mod:`~exactfair.smt.problem` — one encoder for every claim: a :class:`~exactfair.axioms.claim.Claim` at n
  players as a :class:`~exactfair.kernel.problem.Problem` (and the paper's claims by name);
* :mod:`~exactfair.smt.decide` — the one way a bounded verdict is made: the route (direct, uniqueness per
  coalition size in :mod:`~exactfair.smt.layered`, one instance per orbit in :mod:`~exactfair.smt.orbits`),
  then the guards of :mod:`~exactfair.smt.guards` (compiler against exact evaluation, random games, totality
  and equivariance of relations);
* :mod:`~exactfair.smt.lemmas` — the paper's inductive-step lemmas (filling
  :data:`exactfair.kernel.lemma.LEMMAS`); :mod:`~exactfair.smt.local` — all-n verdicts from them and from a
  user's rule and axiom read on symbolic players;
* :mod:`~exactfair.smt.prover` — the paper's claims by name (:func:`~exactfair.smt.prover.prove_claim`).

May import: core, mechanisms, axioms, kernel.
"""
