// The shell guard's stages on their own: parse (shell-quote and the lifting pass), expand, resolve.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computedLiterals, dumpsEnvironment, environmentNames, existenceOnly, stringLiterals } from '../../../src/core/hooks/codeStrings';
import { CommandFlow } from '../../../src/core/hooks/commandFlow';
import { envPrints, printsNoContent, uploadTree } from '../../../src/core/hooks/programRules';
import { expandBraces, expandGlob } from '../../../src/core/hooks/shellExpand';
import { liftNested, parseLine } from '../../../src/core/hooks/shellParse';
import { SensitiveFiles } from '../../../src/core/hooks/sensitiveFiles';
import { treeRead } from '../../../src/core/hooks/treeReads';
import { Scanner } from '../../../src/core/scan/scanner';

describe('shell guard stages', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-flow-'));
    fs.writeFileSync(path.join(dir, '.env'), 'X=1\n');
    fs.writeFileSync(path.join(dir, 'app.ts'), '');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const words = (c: string, env: NodeJS.ProcessEnv = {}) => CommandFlow.analyze(c, { cwd: dir, env, home: '/home/dev' }).words;

  it('parse: lifts substitutions, backticks and here-documents, and splits lines', () => {
    assert.deepEqual(liftNested('echo "$(cat .env)"').substitutions, ['cat .env']);
    assert.deepEqual(liftNested("echo '$(cat .env)'").substitutions, [], 'single quotes keep it literal');
    assert.deepEqual(liftNested('echo `cat .env`').substitutions, ['cat .env']);
    assert.deepEqual(liftNested('python3 <<EOF\nprint(1)\nEOF\nls').heredocs, ['print(1)']);
    assert.equal(parseLine('cd x\ncat y').commands.length, 2);
    assert.deepEqual(parseLine('cat <<< word').commands[0].redirects, [{ op: '<<<', target: 'word' }]);
    assert.equal(parseLine('ls 2>/dev/null').commands[0].argv.length, 1, 'an fd number is not a word');
  });

  it('expand: braces and globs against the real folder, variables in order', () => {
    assert.deepEqual(expandBraces('.en{v,x}'), ['.env', '.enx']);
    assert.deepEqual(expandGlob('.e*', dir), ['.env']);
    assert.deepEqual(expandGlob('*.nothing', dir), ['*.nothing'], 'no match: the word stays');
    assert.ok(words('f=.env; cat "$f"').includes('.env'));
    assert.ok(words('cat $F', { F: '.env' }).includes('.env'));
    assert.ok(words('cat ~/.ssh/id_rsa').includes('/home/dev/.ssh/id_rsa'));
  });

  it('resolve: command strings, inline code and pipes into xargs', () => {
    for (const c of ["sh -c 'cat .env'", 'eval cat .env', "ssh host 'cat .env'", 'echo .env | xargs cat', "python3 -c \"open('.e' + 'nv')\"", "perl -e 'open F, \"<.env\"'"]) {
      assert.ok(words(c).includes('.env'), c);
    }
    assert.ok(!words('echo .env').includes('.env'), 'echo only prints the name');
    assert.ok(!words('cp .env.example .env.local').includes('.env.local'), 'the copy target is written');
  });

  it('code: literals, environment names and dumps', () => {
    assert.deepEqual(stringLiterals(`open('.e' + 'nv'); x = "a\\"b"`).sort(), ['.e', '.env', 'a"b', 'nv'].sort());
    assert.deepEqual(environmentNames("os.environ['A']; process.env.B; ENV.fetch('C'); $ENV{D}"), ['A', 'B', 'C', 'D']);
    assert.ok(dumpsEnvironment('console.log(process.env)'));
    assert.ok(!dumpsEnvironment('console.log(process.env.PORT)'));
  });

  it('code: names built from literals by text operations, and literals only tested for existence', () => {
    for (const code of [`open('.{}'.format('env'))`, `open(f'.{"env"}')`, `open('vne.'[::-1])`, `open(''.join(['.','e','nv']))`, `open('.ENV'.lower())`, `readFileSync('.ENV'.toLowerCase())`, `open('x.env'.replace('x', ''))`, "readFileSync(`.${'env'}`)"]) {
      assert.ok(computedLiterals(code).includes('.env'), `${code}: ${computedLiterals(code).join(' ')}`);
    }
    assert.deepEqual(computedLiterals("print('hello'.upper())"), ['HELLO']);
    for (const code of ["open('.%s' % 'env')", "open('%s%s' % ('.', 'env'))", "open('x.env'[1:])", "open('vne.'[::-1])", "readFileSync('.env.x'.slice(0, 4))", "readFileSync('x.env'.substring(1))", "readFileSync('vne.'.split('').reverse().join(''))"]) {
      assert.ok(computedLiterals(code).includes('.env'), `${code}: ${computedLiterals(code).join(' ')}`);
    }
    const code = "import os; print(os.path.exists('.env')); print(open('a.txt').read())";
    assert.deepEqual([...existenceOnly(code, ['.env', 'a.txt'])], ['.env']);
    assert.deepEqual([...existenceOnly("os.path.exists('.env') and open('.env')", ['.env'])], [], 'also opened: a read');
  });

  it('programs: uploads and served folders, quiet readers, sed edits, env with options', () => {
    assert.deepEqual(uploadTree('aws', ['s3', 'cp', 'exports/', 's3://b/', '--recursive'])?.dirs, ['exports/']);
    assert.equal(uploadTree('aws', ['s3', 'cp', 'a.txt', 's3://b/']), undefined, 'one file: judged by its name');
    assert.deepEqual(uploadTree('python', ['-m', 'http.server', '--directory', '~/.aws'])?.dirs, ['~/.aws']);
    assert.ok(printsNoContent('grep', ['-q', 'KEY', '.env']));
    assert.ok(!printsNoContent('grep', ['-c', '-o', 'KEY', '.env']), '-o prints what matched');
    assert.ok(printsNoContent('cut', ['-d=', '-f1', '.env']));
    assert.ok(!printsNoContent('cut', ['-d=', '-f2', '.env']));
    assert.ok(printsNoContent('sed', ['-i', 's/^PORT=.*/PORT=3000/', '.env']));
    for (const leak of [['-i', 's/^/#/w /tmp/x', '.env'], ['-i', '-e', 's/a/b/', '-e', 'w /tmp/x', '.env'], ['-i', 's/a/b/e', '.env'], ['-n', 'p', '.env'], ['s/a/b/', '.env']]) {
      assert.ok(!printsNoContent('sed', leak), leak.join(' '));
    }
    assert.ok(envPrints(['-u', 'PATH']));
    assert.ok(!envPrints(['-u', 'PATH', 'node', 'x.js']), 'a command runs: nothing printed by env itself');
    assert.ok(!envPrints(['-i']));
  });

  it('resolve: the working folder from the shell state, /proc, and a reassigned HOME', () => {
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    const abs = path.join(dir, '.env');
    for (const c of ['cat `pwd`/.env', 'cd src && cat "$OLDPWD/.env"', 'cd src && cat ~-/.env', 'cat /proc/$$/cwd/.env', 'cd src && cat /proc/self/cwd/../.env', 'HOME=$PWD; cat ~/.env']) {
      assert.ok(words(c).some((w) => path.resolve(dir, w) === abs), `${c}: ${words(c).join(' ')}`);
    }
    assert.ok(words('cat "$(cd src && pwd)/../.env"').some((w) => path.resolve(dir, w) === abs), 'a cd inside a substitution stays there');
    assert.ok(words('HOME=/tmp/x cat ~/.ssh/id_rsa').includes('/home/dev/.ssh/id_rsa'), 'the real home is judged too');
    for (const c of ['x=.env.x; cat "${x%.x}"', 'x=.env.x.y; cat "${x%%.x*}"', 'x=..env; cat "${x#.}"', 'x=.ENV; cat "${x,,}"', 'x=xx.env; cat "${x:2}"', 'x=.vnv; cat "${x/vnv/env}"', 'printf -v n "%s" .env; cat "$n"']) {
      assert.ok(words(c).includes('.env'), `${c}: ${words(c).join(' ')}`);
    }
  });

  it('trees: a pattern is a pattern, exclusions are kept', () => {
    assert.deepEqual(treeRead('grep', ['-rn', 'process.env', 'src'])?.dirs, ['src']);
    assert.deepEqual(treeRead('grep', ['-r', '--exclude=.env', 'KEY'])?.excludes, ['.env']);
    assert.equal(treeRead('grep', ['-n', 'x', 'file']), undefined, 'not recursive');
    assert.deepEqual(treeRead('rg', ['-g', '!.env', 'KEY'])?.excludes, ['.env']);
    assert.equal(treeRead('tar', ['czf', 'out.tgz', '.'])?.dirs[0], '.');
    assert.equal(treeRead('tar', ['tzf', 'out.tgz']), undefined, 'listing is not creating');
  });

  it('code: names written as escapes, hex or character codes are the names', () => {
    for (const code of [`open('\\x2eenv')`, `open('\\u002eenv')`, `open("\\056env")`, `Buffer.from('2e656e76', 'hex')`, `select readfile(x'2e656e76')`, `select readfile(char(46)||'env')`, `String.fromCharCode(46, 101) + 'nv'`]) {
      assert.ok(stringLiterals(code).includes('.env'), code);
    }
    assert.ok(!stringLiterals(`x = '2026'`).some((l) => l !== '2026'), 'digits are a number, not hex');
  });

  it('trees: docker -v=SRC, and a build whose Dockerfile comes from stdin reads its context', () => {
    assert.deepEqual(treeRead('docker', ['run', '--rm', '-v=/ws:/w', 'alpine', 'ls'])?.dirs, ['/ws']);
    assert.deepEqual(treeRead('docker', ['run', '-itv', '/ws:/w', 'alpine'])?.dirs, ['/ws']);
    assert.deepEqual(treeRead('docker', ['build', '--progress=plain', '-f-', '.'])?.dirs, ['.']);
    assert.deepEqual(treeRead('docker', ['build', '-f-', '.'])?.ignoreFiles, ['.dockerignore']);
    assert.equal(treeRead('docker', ['build', '-t', 'app:dev', '.']), undefined, 'a Dockerfile in the context: judged like any build');
  });

  it('judge: a file the byte budget no longer covers is not clean, and one file under two names is read once', () => {
    const scanner = new Scanner({});
    for (const n of ['a.txt', 'b.txt']) fs.writeFileSync(path.join(dir, n), 'x'.repeat(300 * 1024));
    fs.writeFileSync(path.join(dir, 'late.txt'), 'nothing here\n');
    const files = new SensitiveFiles({ scanner: () => scanner, cwd: dir, home: '/home/dev', cleared: [], budgetBytes: 400 * 1024 });
    assert.equal(files.file(path.join(dir, 'a.txt')), undefined);
    assert.equal(files.file(`/proc/self/root${path.join(dir, 'a.txt')}`), undefined);
    assert.equal(files.file(path.join(dir, 'late.txt')), undefined, 'a second spelling of a.txt spent no budget');
    assert.equal(files.file(path.join(dir, 'b.txt')), undefined);
    assert.deepEqual(files.file(path.join(dir, 'late.txt'))?.rules, undefined, 'read once already: its verdict stands');
    assert.deepEqual(new SensitiveFiles({ scanner: () => scanner, cwd: dir, home: '/home/dev', cleared: [], budgetBytes: 0 }).file(path.join(dir, 'late.txt'))?.rules, ['unscanned-content']);
    assert.ok(new SensitiveFiles({ scanner: () => scanner, cwd: dir, home: '/home/dev', cleared: [] }).file('/proc/self/status') === undefined, 'a /proc file is read, and judged by what it holds');
  });

  it('expand: glob options a line turns on widen later globs (shopt, GLOBIGNORE, setopt, zsh qualifiers)', () => {
    fs.mkdirSync(path.join(dir, 'cfg', 'a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cfg', 'secrets.yaml'), '');
    assert.ok(!words('cat *env').includes('.env'), 'plain bash: * skips dot files');
    for (const c of ['shopt -s dotglob; cat *env', 'GLOBIGNORE=x; cat *env', "zsh -c 'setopt globdots; cat *env'", 'cat *env(D)', 'bash -O dotglob -c "cat *env"', 'shopt -s nocaseglob; cat .EN[V]']) {
      assert.ok(words(c).includes('.env'), `${c}: ${words(c).join(' ')}`);
    }
    assert.ok(words('shopt -s globstar; cat cfg/**/secrets.yaml').includes('cfg/secrets.yaml'), '** matches no folder as well');
    assert.ok(!expandGlob('cfg/**/secrets.yaml', dir).includes('cfg/secrets.yaml'), 'without globstar ** is *');
  });

  it('parse: a comment ends at its line, so a script read from stdin keeps its commands', () => {
    assert.equal(parseLine('#!/bin/sh\ncat .env').commands.length, 1);
    assert.ok(words("sh <<< '#!/bin/sh\ncat .env'").includes('.env'));
    assert.equal(parseLine('echo $# x').commands[0].argv.length, 3, '$# is no comment');
  });

  it('resolve: names a program prints that are not computed are a run-time value for a reader, not for a counter', () => {
    const runtime = (c: string) => CommandFlow.analyze(c, { cwd: dir, env: {}, home: '/home/dev' }).runtimeNames;
    for (const c of ["ls -a | sed -n '/env/p' | xargs cat", 'git status --porcelain | cut -c4- | xargs cat', 'compgen -c | while read f; do cat "$f"; done', 'tar -cf - -T <(git status -s) | tar -xO']) {
      assert.ok(runtime(c).length, c);
    }
    for (const c of ['git status --porcelain | cut -c4- | xargs wc -l', 'ls -a | sed -n 1,5p', "find . -name '*.ts' | xargs grep -l x"]) assert.deepEqual(runtime(c), [], c);
    // Lists that are computed: a file of names, a listing in a process substitution, a read loop over a listing.
    fs.writeFileSync(path.join(dir, 'names.txt'), 'app.ts\n.env\n');
    for (const c of ['xargs -a names.txt cat', 'tar -cf - -T names.txt', 'cat $(sed -n 2p names.txt)', 'ls -a | while read f; do cat "$f"; done', 'while read -r f; do cat "$f"; done < <(ls -a)', "cat $(compgen -G '.e*')"]) {
      assert.ok(words(c).includes('.env'), `${c}: ${words(c).join(' ')}`);
    }
    assert.ok(words("python3 <(echo \"open('.env')\")").includes('.env'), 'a program read from a process substitution');
  });

  it('resolve: programs that change their own folder, and programs run by variables, Git settings and hooks', () => {
    const abs = path.join(dir, '.env');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    for (const c of ['env -C sub cat ../.env', 'env --chdir=sub cat ../.env', 'cmake -E chdir sub cat ../.env', "make -C sub -f - <<< 'all: ; @cat ../.env'", 'tar -C sub -cf - ../.env']) {
      assert.ok(words(c).some((w) => path.resolve(dir, w) === abs), `${c}: ${words(c).join(' ')}`);
    }
    assert.ok(CommandFlow.analyze('tar -C sub -czf /tmp/x.tgz .', { cwd: dir, env: {}, home: '/home/dev' }).trees.every((t) => t.dirs.every((d) => d === path.join(dir, 'sub'))), '. is the -C folder');
    for (const c of ["GIT_EDITOR='cat .env;' git config --edit", 'git -c core.pager="cat .env" log', "git ls-remote 'ext::sh -c cat% .env'", 'export GIT_SSH_COMMAND="cat .env"; git fetch', "PS4='$(cat .env)' bash -xc :", "echo 'cat .env' > .git/hooks/pre-commit"]) {
      assert.ok(words(c).includes('.env'), `${c}: ${words(c).join(' ')}`);
    }
  });
});
