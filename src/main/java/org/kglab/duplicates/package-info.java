/**
 * Near-duplicate documents: a MinHash signature of each document's word shingles, LSH bands to find
 * candidates of the same owner by index lookups, and links between documents whose estimated Jaccard
 * similarity is above {@link org.kglab.duplicates.MinHash#THRESHOLD}. The door is {@link NearDuplicates}.
 */
@NullMarked
package org.kglab.duplicates;

import org.jspecify.annotations.NullMarked;
