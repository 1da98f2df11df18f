"""Body clean-up shared by every input format: links, paragraphs broken mid-sentence, the repeated lede."""

from __future__ import annotations

import re

from .formats import Block, unwrap_links

# A paragraph that ends like this has finished its sentence (closing quotes and brackets may follow).
SENTENCE_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*$")
MIN_STANDFIRST_CHARS = 40


def unwrap_block_links(blocks: list[Block]) -> tuple[list[Block], int]:
    total = 0
    out = []
    for block in blocks:
        text, n = unwrap_links(block.text)
        total += n
        out.append(Block(block.line_no, text))
    return out, total


def join_broken_paragraphs(blocks: list[Block]) -> tuple[list[Block], list[dict]]:
    """Re-join a paragraph that stops mid-sentence with the next one when that one starts in lower case.

    Page dumps break paragraphs at layout boundaries (the seed: "...there's" / "nothing that Ankara...").
    """
    out: list[Block] = []
    joins: list[dict] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev and not SENTENCE_END.search(prev.text) and block.text[:1].islower():
            joins.append({
                "line_no": prev.line_no,
                "continued_at_line_no": block.line_no,
                "ends_with": prev.text[-40:],
                "continues_with": block.text[:40],
            })
            out[-1] = Block(prev.line_no, f"{prev.text} {block.text}")
        else:
            out.append(block)
    return out, joins


def _squash(text: str) -> str:
    return " ".join(text.split())


def find_standfirst(blocks: list[Block]) -> tuple[Block | None, int | None]:
    """The first block if a later block repeats it word for word: (standfirst block, index of the repeat)."""
    if len(blocks) < 2:
        return None, None
    lede = _squash(blocks[0].text)
    if len(lede) < MIN_STANDFIRST_CHARS:
        return None, None
    for i, block in enumerate(blocks[1:], start=1):
        if lede in _squash(block.text):
            return blocks[0], i
    return None, None
