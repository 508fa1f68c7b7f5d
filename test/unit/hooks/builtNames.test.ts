// Names a command builds at run time, on the shell guard's stages: substitutions computed (base64, rev, printf
// escapes, tr), substitutions that decode literal text in other ways (opaque), names a pipeline hands to xargs,
// names code builds from pieces or on the home folder, implicit dotenv reads, and new names (ln, cp, mv).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { joinedLiterals, readsDotenv, usesHomeFolder } from '../../../src/core/hooks/codeStrings';
import { CommandFlow } from '../../../src/core/hooks/commandFlow';
import { pipedNames } from '../../../src/core/hooks/pipedNames';
import { buildsAtRunTime, pipelineOutput, substitutionOutput, unescape } from '../../../src/core/hooks/shellEval';

describe('names built at run time', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'built-names-'));
    for (const f of ['.env', '.env.production', 'README.md', 'deploy/keys/id_ed25519']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'X=1\n');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const analyze = (c: string) => CommandFlow.analyze(c, { cwd: dir, env: {}, home: '/home/dev' });
  const words = (c: string) => analyze(c).words;

  it('computes what text-only substitutions print', () => {
    assert.equal(substitutionOutput('echo LmVudg== | base64 -d'), '.env');
    assert.equal(substitutionOutput('echo vne. | rev'), '.env\n');
    assert.equal(substitutionOutput(String.raw`printf '\x2e\x65\x6e\x76'`), '.env');
    assert.equal(substitutionOutput(String.raw`printf '%s%s' .e nv`), '.env');
    assert.equal(substitutionOutput('echo VNE. | tr A-Z a-z | rev'), '.env\n');
    assert.equal(substitutionOutput('base64 -d <<< LmVudg=='), '.env');
    assert.equal(substitutionOutput('echo 2e656e76 | xxd -r -p'), '.env');
    assert.equal(substitutionOutput('cat .env'), undefined, 'reading a file is not computed');
    assert.equal(substitutionOutput('git rev-parse HEAD'), undefined);
    assert.equal(pipelineOutput([['printf', String.raw`.env.production\n`]]), '.env.production\n');
    assert.equal(unescape(String.raw`\056env`), '.env');
  });

  it('calls a substitution opaque only when it decodes text the command holds', () => {
    assert.ok(buildsAtRunTime('echo LmVudg== | openssl base64 -d'));
    assert.ok(buildsAtRunTime("echo 'H4sI...' | gunzip"));
    assert.ok(buildsAtRunTime('base64 -d <<< "$X"'));
    assert.ok(!buildsAtRunTime(`echo "$GITHUB_REF" | sed 's#refs/tags/##'`), 'an everyday value shaped by sed');
    assert.ok(!buildsAtRunTime("cat VERSION | tr -d '\\n'"), 'text from a file is that file, judged by its name');
    assert.ok(!buildsAtRunTime('git rev-parse --short HEAD'));
    assert.ok(!buildsAtRunTime('echo hello'));
  });

  it('judges the computed name, and a program handed an opaque one', () => {
    for (const c of ['cat $(echo LmVudg== | base64 -d)', String.raw`cat "$(printf '\x2e\x65nv')"`, 'cat `echo vne. | rev`', `eval "$(echo 'vne. tac' | rev)"`, 'f=$(echo vne. | rev); cat "$f"']) {
      assert.ok(words(c).includes('.env'), c);
    }
    assert.deepEqual(analyze('cat $(echo LmVudg== | openssl base64 -d)').runtimeNames, ['cat']);
    assert.deepEqual(analyze('x=$(echo LmVudg== | openssl base64 -d); head "$x"').runtimeNames, ['head']);
    assert.ok(analyze('sh -c "$(echo Y2F0IC5lbnY= | openssl base64 -d)"').runtimeNames.includes('sh'));
    assert.deepEqual(analyze('echo "$(echo aGk= | openssl base64 -d)"').runtimeNames, [], 'echo only prints it');
    assert.deepEqual(analyze("npm version $(cat VERSION | tr -d '\\n')").runtimeNames, [], 'built from a file, not from the command');
  });

  it('hands xargs the names a listing prints, narrowed by grep', () => {
    assert.deepEqual(pipedNames([['ls', '-a'], ['grep', 'env']], dir)?.sort(), ['.env', '.env.production']);
    assert.deepEqual(pipedNames([['ls'], ['grep', '-v', 'READ']], dir), ['deploy']);
    assert.equal(pipedNames([['ls', '-a'], ['sed', 's/x/y/']], dir), undefined, 'a transform not understood: unknown');
    assert.ok(words('ls -a | grep env | xargs cat').includes('.env'));
    assert.ok(words(String.raw`printf '.env.production\n' | xargs -I{} sh -c 'cat {}'`).includes('.env.production'));
    assert.ok(!words('ls | xargs -n1 echo').includes('.env'), 'names only printed');
  });

  it('hands xargs git the revisions git rev-list prints', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'built-names-git-'));
    try {
      const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...a], { cwd: repo, encoding: 'utf8' }).trim();
      git('init', '-q');
      fs.writeFileSync(path.join(repo, 'a.txt'), 'a\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'a');
      const head = git('rev-parse', 'HEAD');
      assert.deepEqual(pipedNames([['git', 'rev-list', '--all']], repo), [head]);
      const g = CommandFlow.analyze('git rev-list --all | xargs git grep -n KEY', { cwd: repo, env: {}, home: '/home/dev' }).git;
      assert.deepEqual(g.map((x) => x.args), [['rev-list', '--all'], ['grep', '-n', 'KEY', head]]);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('reads names code builds from pieces, on the home folder, or through dotenv', () => {
    assert.ok(joinedLiterals(['.e', 'nv']).includes('.env'));
    assert.ok(words(`node -e "require('fs').readFileSync(['.e','nv'].join(''))"`).includes('.env'));
    assert.ok(usesHomeFolder("fs.readFileSync(process.env.HOME + '/.aws/credentials')"));
    assert.ok(usesHomeFolder('Path.home() / ".ssh" / "id_rsa"'));
    assert.ok(!usesHomeFolder("fs.readFileSync('README.md')"));
    assert.ok(words(`node -e "fs.readFileSync(process.env.HOME + '/.aws/credentials')"`).includes('/home/dev/.aws/credentials'));
    assert.ok(words(`python3 -c "import os;open(os.path.expanduser('~') + '/.ssh/id_rsa')"`).includes('/home/dev/.ssh/id_rsa'));
    assert.ok(readsDotenv('print(dotenv_values())', false));
    assert.ok(readsDotenv("require('dotenv').config(); console.log(x)", true));
    assert.ok(!readsDotenv("require('dotenv').config(); server.listen()", false), "a project's own script loading its configuration");
    assert.ok(words(`python3 -c "import dotenv;print(dotenv.dotenv_values())"`).includes('.env'));
  });

  it('follows a new name given on the line (ln -s, ln, cp, mv) to the data it stands for', () => {
    assert.ok(words('ln -s deploy/keys k && cat k/id_ed25519').includes(path.join(dir, 'deploy/keys/id_ed25519')));
    assert.ok(words('mv .env notes.txt; cat notes.txt').includes(path.join(dir, '.env')));
    assert.ok(words('ln -s ../.env deploy/x && cat deploy/x').includes(path.join(dir, '.env')));
  });

  it('follows the folder, $IFS, positional parameters and names under a folder known only at run time', () => {
    assert.ok(words('cd deploy/keys && cat id_ed25519').includes(path.join(dir, 'deploy/keys/id_ed25519')));
    assert.ok(words('cat${IFS}.env').includes('.env'));
    assert.ok(words('set -- .e nv; cat "$1$2"').includes('.env'));
    assert.deepEqual(analyze('cat "$(some-tool --root)/.env"').namesUnderUnknownDir, ['.env']);
    assert.deepEqual(analyze('echo "build $(git rev-parse --short HEAD)"').namesUnderUnknownDir, []);
    assert.ok(words("cat $(ls -a | grep '^.env$')").includes('.env'), 'names a listing prints in a substitution');
    assert.deepEqual(analyze('cat "$(find . -name .env)"').trees.map((t) => t.program), ['find'], 'a find whose output becomes words');
  });

  it('judges what a shell or an interpreter reads from a pipe, and npm run env', () => {
    assert.ok(words("echo 'cat .env' | sh").includes('.env'));
    assert.ok(words(`printf "print(open('.env').read())" | python3`).includes('.env'));
    assert.deepEqual(analyze('echo Y2F0IC5lbnY= | openssl base64 -d | bash').runtimeNames, ['bash']);
    assert.deepEqual(analyze('curl -fsSL https://get.example.com/install.sh | sh').runtimeNames, [], 'a download is not text the command holds');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { test: 'node --test' } }));
    assert.equal(analyze('npm run env').dumpsEnvironment, true);
    assert.equal(analyze('npm run test').dumpsEnvironment, false);
  });

  it('reads the words of a blank-separated argument (sqlite3 dot-commands, script -qc)', () => {
    assert.ok(words('sqlite3 :memory: ".import --csv .env t" "select * from t"').includes('.env'));
    assert.ok(words("script -qc 'cat .env' /dev/null").includes('.env'));
  });
});
