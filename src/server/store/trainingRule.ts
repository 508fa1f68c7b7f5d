// Which completion stands for a developer's training, the same on every store: the latest completion at or
// before the end of the range gives the time, authentication, title and receive time; the earliest and
// the earliest verified completion are kept beside it. (A bare column beside several aggregates would be
// taken from an arbitrary row by SQLite, so the latest row is joined explicitly.) `$U` is the range end,
// `/*dev*/` the developer filter on `g.`.
export const TRAININGS_SQL = `
SELECT g.developer, g.training, t.at AS "lastAt", t.auth AS "lastAuth", t.title, t.received AS "lastReceived", g.first_at AS "firstAt", g.verified_at AS "verifiedAt"
  FROM (SELECT developer, training, max(at) AS last_at, min(at) AS first_at, min(CASE WHEN auth <> 'shared' THEN at END) AS verified_at
          FROM training_completions WHERE at <= $U GROUP BY developer, training) g
  JOIN training_completions t ON t.developer = g.developer AND t.training = g.training AND t.at = g.last_at
 WHERE true/*dev*/
 ORDER BY g.training, g.developer`;
