package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;

/**
 * Synthetic but realistic catalog entries, the same for a given index on every run: names with a code
 * name (rare words), providers and description words drawn with a Zipf-like law from word lists, the word
 * "dataset" in about half of the descriptions, and a mix of flags, licences and access like the seed's.
 * It counts in how many entries each word occurs, so the queries can pick rare and common words.
 */
final class EntryGenerator {

    static final String COMMON_WORD = "dataset";
    static final String NO_MATCH = "qwzxvbnonexistent";

    private static final String[] WORDS = ("""
            images patients imaging scans clinical study collection annotated chest brain lung cancer tumour
            public research hospital radiology medical diagnosis segmentation classification detection cohort
            acquired scanner protocol resolution slices volumes labels expert radiologists reports cases
            screening follow-up contrast enhanced multi-center retrospective prospective longitudinal baseline
            abdominal cardiac breast liver kidney prostate spine knee pelvis thyroid skin retina dental bone
            nodules lesions fractures pneumonia covid-19 tuberculosis glioma stroke hemorrhage emphysema
            fibrosis metastasis benign malignant normal abnormal healthy controls pediatric adult elderly
            ground truth masks bounding boxes keypoints landmarks registration reconstruction denoising
            anonymized de-identified consent ethics approval license download registration portal archive
            challenge benchmark competition training validation test split release version update curated
            quality control inter-reader agreement consensus grading scores survival outcomes treatment
            response therapy radiotherapy chemotherapy surgery pathology histology genomics biomarkers
            metadata demographics age sex smoking history symptoms laboratory values vital signs notes
            dicom nifti png jpeg tiff series studies sequences weighted diffusion perfusion functional
            angiography fluoroscopy mammography tomosynthesis ultrasound elastography doppler endoscopy
            microscopy whole-slide dermoscopy fundus optical coherence tomography x-ray radiographs
            portable frontal lateral views projections axial coronal sagittal thin thick kernels dose
            low-dose high-resolution multi-phase dynamic static time points repeated scans paired
            synthetic augmented simulated phantom calibration vendor manufacturer field strength tesla
            institutions countries europe asia america africa university consortium foundation initiative
            """).trim().split("\\s+");
    private static final String[] ORGANS = {"Chest", "Brain", "Lung", "Breast", "Liver", "Kidney", "Prostate",
            "Knee", "Spine", "Cardiac", "Abdominal", "Pelvic", "Thyroid", "Retinal", "Dental", "Skin", "Colon", "Pancreas"};
    private static final String[] MODALITY_WORDS = {"CT", "X-ray", "MRI", "Ultrasound", "PET-CT", "Mammography",
            "Radiograph", "Fundus", "Histology"};
    private static final String[] COLLECTION = {"Dataset Collection", "Image Archive", "Cohort", "Challenge Set",
            "Database", "Benchmark", "Screening Study", "Atlas", "Registry"};
    private static final String[] CITIES = {"Montreal", "Boston", "Stanford", "Heidelberg", "Toronto", "Paris",
            "Barcelona", "Milan", "Utrecht", "Nijmegen", "Copenhagen", "Zurich", "Vienna", "Munich", "Berlin",
            "London", "Oxford", "Cambridge", "Edinburgh", "Seoul", "Tokyo", "Beijing", "Shanghai", "Singapore",
            "Sydney", "Melbourne", "Sao Paulo", "Cape Town", "Nairobi", "Mumbai", "Delhi", "Tehran", "Istanbul",
            "Madrid", "Lisbon", "Dublin", "Helsinki", "Stockholm", "Oslo", "Warsaw", "Prague", "Chicago",
            "Houston", "Pittsburgh", "Seattle", "San Francisco", "Baltimore", "Philadelphia", "Atlanta", "Denver"};
    private static final String[] INSTITUTIONS = {"University of %s", "%s Medical Center", "%s University Hospital",
            "%s Cancer Institute", "%s Institute of Technology", "%s Imaging Consortium", "%s Children's Hospital"};
    private static final String[] TAGS = {"covid-19", "chest", "oncology", "neuro", "screening", "segmentation",
            "classification", "detection", "pediatric", "cardiology", "challenge", "multi-center", "3d", "2d",
            "longitudinal", "rare-disease", "open-access", "teaching"};
    private static final String[] LICENSES = {"CC-BY-4.0", "CC-BY-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
            "CC0-1.0", "ODbL-1.0", "LicenseRef-custom", null};
    private static final String[] FORMATS = {"DICOM", "NIfTI", "PNG", "JPEG", "CSV", "TIFF", "MHA", "JSON"};
    private static final String[] ANNOTATIONS = {"classification", "segmentation", "bounding-box", "report", "landmarks"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tor", "val", "ix", "den", "sa", "qua",
            "zel", "bri", "no", "vor", "pel", "tu", "ga", "shi", "mar", "os"};

    private final double[] zipfWords = zipf(WORDS.length, 1.05);
    private final double[] zipfProviders;
    private final List<String> providers = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int generated;

    EntryGenerator() {
        for (String pattern : INSTITUTIONS) {
            for (String city : CITIES) {
                providers.add(String.format(pattern, city));
            }
        }
        java.util.Collections.shuffle(providers, new Random(7));
        zipfProviders = zipf(providers.size(), 1.1);
    }

    /** The entry with this index: the same on every run. */
    Resource entry(int index) {
        Random random = new Random(1_000_003L * index + 17);
        String code = codeName(index);
        String name = code + " " + pick(random, ORGANS) + " " + pick(random, MODALITY_WORDS) + " " + pick(random, COLLECTION);
        String provider = providers.get(sample(random, zipfProviders));
        StringBuilder description = new StringBuilder();
        if (random.nextBoolean()) {
            description.append("This ").append(COMMON_WORD).append(" contains ");
        } else {
            description.append("A collection of ");
        }
        int words = 25 + random.nextInt(50);
        for (int i = 0; i < words; i++) {
            description.append(WORDS[sample(random, zipfWords)]).append(i % 12 == 11 ? ". " : " ");
        }
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            String tag = pick(random, TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<String> formats = new ArrayList<>(List.of(pick(random, FORMATS)));
        if (random.nextInt(3) == 0) {
            String second = pick(random, FORMATS);
            if (!formats.contains(second)) {
                formats.add(second);
            }
        }
        Resource resource = new Resource(null, name, "https://data.example.org/" + slug(code) + "/" + index,
                description.toString().trim(), provider,
                new Modalities(flag(random, 30, 55), flag(random, 35, 50), flag(random, 25, 60), flag(random, 10, 75)),
                flag(random, 45, 30), flag(random, 25, 50), pick(random, LICENSES), access(random), formats,
                new Counts(count(random, 50, 100_000), count(random, 100, 2_000_000), count(random, 50, 200_000)),
                random.nextInt(3) == 0 ? List.of(pick(random, ANNOTATIONS)) : List.of(), tags, null, null);
        count(resource);
        generated++;
        return resource;
    }

    static String id(int index) {
        return "syn-" + slug(codeName(index)) + "-" + index;
    }

    int generated() {
        return generated;
    }

    /** The word whose share of entries is closest to the wanted one (ties: the later word). */
    String wordWithShare(double share, Set<String> excluded) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (var e : documentFrequency.entrySet()) {
            if (excluded.contains(e.getKey()) || !e.getKey().matches("[a-z]{4,}")) {
                continue;
            }
            double distance = Math.abs((double) e.getValue() / generated - share);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = e.getKey();
            }
        }
        return best;
    }

    int entriesWith(String word) {
        return documentFrequency.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
    }

    private void count(Resource r) {
        Set<String> seen = new HashSet<>();
        String text = (r.name() + " " + r.provider() + " " + r.description() + " " + String.join(" ", r.tags()))
                .toLowerCase(Locale.ROOT);
        for (String token : text.split("[^a-z0-9]+")) {
            if (!token.isEmpty() && seen.add(token)) {
                documentFrequency.merge(token, 1, Integer::sum);
            }
        }
    }

    private static String codeName(int index) {
        // 20^3 = 8,000 code names: a given one names about 12 of 100,000 entries
        int n = (int) Math.floorMod(index * 2_654_435_761L, 8000L);
        String word = SYLLABLES[n % 20] + SYLLABLES[(n / 20) % 20] + SYLLABLES[(n / 400) % 20];
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Availability flag(Random random, int yesPercent, int noPercent) {
        int r = random.nextInt(100);
        return r < yesPercent ? Availability.Y : r < yesPercent + noPercent ? Availability.N : Availability.U;
    }

    private static Access access(Random random) {
        int r = random.nextInt(100);
        return r < 55 ? Access.OPEN : r < 80 ? Access.REGISTRATION : r < 95 ? Access.APPLICATION : Access.UNKNOWN;
    }

    private static Long count(Random random, int min, int max) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        return (long) Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double[] zipf(int n, double s) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1 / Math.pow(k, s);
            cumulative[k - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int sample(Random random, double[] cumulative) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
    }
}
