# Two commands set everything up on a fresh machine:  `make run`  and  `make test`.
# Both create the virtual environment on first use (pip, from the package registry only).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SEED   := seeds/globalresearch_2021-10-27_korybko_genie-out-of-the-bottle.txt
OUT    ?= out

.PHONY: run test unit notebooks refresh lab clean

# Reinstalled whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## run: analyse the seed article and run the article notebooks on it (out/seed/); analyse the demo corpus and
## run the corpus notebooks on it (out/corpus/); the same for the Ukrainian originals and their English versions
## (out/source_languages/)
run: $(VENV)/.installed
	$(BIN)/newslens analyze $(SEED) --out $(OUT)/seed --extras all
	$(BIN)/newslens notebooks --article $(SEED) --out $(OUT)/seed
	$(BIN)/newslens corpus corpus/demo --out $(OUT)/corpus
	$(BIN)/newslens notebooks --corpus $(OUT)/corpus --out $(OUT)/corpus
	$(BIN)/newslens corpus corpus/source_languages --out $(OUT)/source_languages
	$(BIN)/newslens notebooks --corpus $(OUT)/source_languages --out $(OUT)/source_languages

## test: unit tests, then strict nbval on every committed notebook, both with the network cut
test: unit notebooks

# .ci/offline cuts the network (loopback only) where Linux allows; pytest-socket also blocks it in-process.
unit: $(VENV)/.installed
	.ci/offline $(BIN)/pytest --disable-socket --allow-unix-socket -q tests

# nbval's kernel talks over loopback TCP, so in-process socket blocking cannot apply here; .ci/offline does.
notebooks: $(VENV)/.installed
	.ci/offline $(BIN)/pytest --nbval --nbval-current-env -q notebooks
	@echo "second nbval pass: the notebooks must also pass when run again over their own outputs"
	.ci/offline $(BIN)/pytest --nbval --nbval-current-env -q notebooks

## refresh: re-execute every committed notebook from a fresh kernel (after a change that alters output)
refresh: $(VENV)/.installed
	cd notebooks && for nb in [0-9][0-9]_*.ipynb; do \
	  ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.record_timing=False --ClearMetadataPreprocessor.enabled=True \
	    --ClearMetadataPreprocessor.preserve_cell_metadata_mask=tags \
	    --ClearMetadataPreprocessor.preserve_nb_metadata_mask=kernelspec \
	    --ClearMetadataPreprocessor.preserve_nb_metadata_mask=language_info "$$nb" || exit 1; \
	done

## lab: open JupyterLab on the notebooks
lab: $(VENV)/.installed
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf $(OUT) .pytest_cache
