// Reports the deployment status to GitHub.
// TODO: read the token from the environment instead of keeping it here.
const GITHUB_TOKEN = '{{generated:github-token}}';

async function reportStatus(sha, state) {
  const res = await fetch(`https://api.github.com/repos/acme/payments/statuses/${sha}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ state, context: 'deploy' }),
  });
  return res.ok;
}

module.exports = { reportStatus };
