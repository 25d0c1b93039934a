"""The layering check finds what it must: an include of a higher layer, of a
peer layer, a file outside any folder, an unknown folder; and passes a tree
that keeps the rule."""
import pathlib
import subprocess
import sys
import tempfile
import unittest

CHECK = pathlib.Path(__file__).with_name("check_layers.py")


def check(files):
    with tempfile.TemporaryDirectory() as src:
        for name, text in files.items():
            path = pathlib.Path(src, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        done = subprocess.run([sys.executable, str(CHECK), src], capture_output=True, text=True)
        return done.returncode, done.stdout


class CheckLayersTest(unittest.TestCase):
    def test_a_tree_that_keeps_the_rule_passes(self):
        status, out = check({"model/a.h": "", "plan/b.h": '#include "model/a.h"\n#include "plan/c.h"\n',
                             "plan/c.h": "", "commands/m.cc": '#include "plan/b.h"\n'})
        self.assertEqual(status, 0, out)

    def test_an_include_of_a_higher_layer_fails(self):
        status, out = check({"plan/b.h": '#include "commands/options.h"\n', "commands/options.h": ""})
        self.assertEqual(status, 1)
        self.assertIn("plan/b.h: includes 'commands/options.h'", out)

    def test_an_include_of_a_peer_layer_fails(self):
        status, out = check({"reports/r.h": '#include "execution/process.h"\n', "execution/process.h": ""})
        self.assertEqual(status, 1)
        self.assertIn("'reports' (layer 4) may not include 'execution' (layer 4)", out)

    def test_a_file_outside_the_folders_fails(self):
        status, out = check({"loose.h": ""})
        self.assertEqual(status, 1)
        self.assertIn("loose.h: outside a layer folder", out)

    def test_an_unknown_folder_fails(self):
        status, out = check({"misc/x.h": ""})
        self.assertEqual(status, 1)
        self.assertIn("folder 'misc' has no layer", out)

    def test_an_include_without_a_folder_fails(self):
        status, out = check({"plan/b.h": '#include "scheduler.h"\n'})
        self.assertEqual(status, 1)
        self.assertIn("not '<layer folder>/<file>'", out)


if __name__ == "__main__":
    unittest.main()
