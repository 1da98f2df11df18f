"""Cues in the outlet's own voice: whose words each cue is, names that are not labels, "shock" that is not
"shocking", and repetition that is wire structure rather than a repeated message. Sentences written for
these tests."""

from newslens.framing.cues import cue_rates_table, cues_table
from newslens.framing.loaded import find_loaded_words
from newslens.framing.quotes import reported_speech
from newslens.text.loader import load_text


def article_of(text):
    return load_text(text, "written.txt", input_format="body")


def word_cues(text):
    table = cues_table(article_of(text))
    return table[table["cue"].isin(["loaded language", "name calling"])]


def repeats(text):
    table = cues_table(article_of(text))
    return table[table["cue"] == "repetition"]


# "shock drones" is not "shocking"

def test_shock_drones_are_not_shocking():
    text = ("Russian forces struck energy facilities with Geran-2 shock drones on Tuesday. The shock troops "
            "advanced. An oil rig was hit.")
    assert word_cues(text).empty


def test_participial_adjectives_still_match_as_written():
    text = "The shelling was shocking and appalling, and the terrified residents called the vote rigged."
    assert set(word_cues(text)["evidence"]) == {"shocking", "appalling", "terrifying", "rigged"}


def test_the_inflected_participles_of_an_entry_still_match():
    text = "Residents were shocked and terrified. The shock drones hit a rig."
    assert sorted(word_cues(text)["evidence"]) == ["shocking", "terrifying"]


def test_capitals_for_emphasis_are_not_a_name():
    assert set(word_cues("The inquiry is a TOTAL WITCH HUNT by corrupt officials.")["evidence"]) == {
        "witch hunt", "corrupt"}


def test_a_verb_entry_still_matches_its_inflections():
    words = {h.word.term for h in find_loaded_words(article_of("They smeared him and demonized the press."))}
    assert words == {"smear", "demonize"}


# voice

def test_a_cue_inside_a_quotation_is_the_speakers():
    text = ('MOSCOW, October 27. /TASS/. Kremlin Spokesman Dmitry Peskov spoke to reporters on Wednesday. '
            '"Such supplies may destabilize the situation. This is a reckless game," Peskov said.')
    cues = word_cues(text)
    assert set(cues["voice"]) == {"quoted"}
    assert len(set(cues["speaker"])) == 1 and cues["speaker"].iloc[0].endswith("Dmitry Peskov")   # the full name


def test_reported_speech_is_the_sources_and_the_outlets_own_words_are_the_outlets():
    text = ("The Kiev regime has repeatedly ignored the Minsk Agreements, the JCCC said. "
            "Ukrainian President Volodymyr Zelensky said Russia was waging a brutal war. "
            "The brutal shelling went on all night.")
    cues = word_cues(text).set_index("evidence")
    assert cues.loc["regime", "voice"] == "reported" and cues.loc["regime", "speaker"] == "JCCC"
    brutal = cues.loc[["brutal"]].set_index("voice")["speaker"].to_dict()
    assert brutal == {"reported": "Ukrainian President Volodymyr Zelensky", "outlet": ""}


def test_first_person_reporting_is_the_texts_own_voice():
    text = ("I would like to emphasise that the Kiev regime is committing genocide. "
            "We have repeatedly said that these are barbaric acts.")
    assert set(word_cues(text)["voice"]) == {"outlet"}


def test_a_press_office_paraphrase_is_the_speakers_when_the_next_sentence_names_him():
    article = article_of("Russia is committing a barbaric act of terror against our cities. This was stated by "
                         "President Volodymyr Zelenskyy in an evening address.")
    found = reported_speech(article)
    assert set(found) == {1, 2}
    assert found[1].speaker_resolved == "President Volodymyr Zelenskyy"


def test_they_and_passives_name_no_source():
    article = article_of("They asked us to render them military aid. It was emphasised that the talks failed.")
    assert reported_speech(article) == {}


def test_cue_rates_count_the_outlet_apart_from_its_speakers():
    text = ('The brutal shelling went on all night. "This is a barbaric and shameful attack," '
            'Foreign Minister Dmytro Kuleba said.')
    article = article_of(text)
    rates = cue_rates_table(article, cues_table(article)).set_index("voice")
    assert rates.loc["outlet", "word_cues"] == 1
    assert rates.loc["outlet", "words"] == 7
    assert rates.loc["outlet", "word_cues_per_1000"] == round(1000 / 7, 3)
    assert rates.loc["quoted", "word_cues"] == 2
    assert rates.loc["quoted", "speaker"] == "Foreign Minister Dmytro Kuleba"


def test_an_article_without_cues_has_an_outlet_row_of_zeros():
    article = article_of("The talks lasted two hours.")
    rates = cue_rates_table(article, cues_table(article))
    assert rates.to_dict("records") == [{"voice": "outlet", "speaker": "", "words": 5, "loaded_language": 0,
                                         "name_calling": 0, "repetition": 0, "word_cues": 0,
                                         "word_cues_per_1000": 0.0}]


# names and titles are not labels

def test_a_label_inside_a_name_is_not_a_label():
    text = ("The Russian side of the Joint Centre for Control and Coordination of the Ceasefire Regime (JCCC) "
            "said the strike violated the Ceasefire Regime. The Kiev regime ignored it.")
    cues = word_cues(text)
    assert cues[["evidence", "occurrences"]].values.tolist() == [["regime", 1]]
    assert cues["first_sentence"].iloc[0] == "The Kiev regime ignored it."


def test_a_title_case_heading_is_not_a_name():
    assert set(word_cues("Sources: Trump Calls The Dictator A Sham Reformer\n\nHe spoke on Monday.")["evidence"]) == {
        "dictator", "sham"}


def test_a_capitalised_label_by_convention_still_counts():
    text = "He said the fighters were Nazis and Banderites."
    assert set(word_cues(text)["evidence"]) == {"nazi"}


def test_a_label_opening_a_sentence_still_counts():
    assert set(word_cues("Regime forces shelled the town.")["evidence"]) == {"regime"}


def test_a_denied_label_is_not_a_cue():
    text = "These are not noble gestures. My family is not traitors. It was never a sham."
    assert word_cues(text).empty


# repetition

def test_a_quote_and_its_paraphrase_are_not_repetition():
    text = ("MOSCOW, October 27. /TASS/. The use of Turkish drones may destabilize the situation on the line of "
            "contact, Kremlin Spokesman Dmitry Peskov told reporters.\n\n"
            '"We have said that such supplies may destabilize the situation on the line of contact," Peskov said.')
    assert repeats(text).empty


def test_a_repeated_noun_phrase_is_not_repetition():
    text = ("The army used Turkish combat drones Bayraktar TB2 on Tuesday. Kiev bought the Turkish combat drones "
            "Bayraktar TB2 in 2019. The Ministry of Foreign Affairs of Ukraine said nothing, and the Ministry of "
            "Foreign Affairs of Ukraine kept silent.")
    assert repeats(text).empty


def test_stock_phrases_of_speech_are_not_repetition():
    text = ("I would like to emphasise that the talks matter. We met in June. I would like to emphasise again "
            "that trade grew. As I have already said, the plan works. As I have already said, it is late.")
    assert repeats(text).empty


def test_a_repeated_message_is_still_repetition():
    text = ("We are not afraid to talk to Russia. We are not afraid to talk about neutral status. "
            "We are not afraid of anything.")
    found = repeats(text)
    assert found["evidence"].tolist() == ["we are not afraid to talk"]
    assert found["voice"].tolist() == ["outlet"]


def test_a_speakers_own_repetition_is_reported_in_his_voice():
    text = ('"We will never forgive this attack on Kharkiv. No one will forget, and we will never forgive this '
            'attack on our people," the President said.')
    found = repeats(text)
    assert found["voice"].tolist() == ["quoted"]
    assert found["speaker"].tolist() == ["President"]
