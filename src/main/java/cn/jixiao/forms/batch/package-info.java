/**
 * A department's forms at once: {@link BatchRequest} reads and checks every item, once, before anything is rendered,
 * and each file of an item is made from that checked document;
 * {@link BatchFiles} streams them as a ZIP with a manifest, {@link BoundBatch} binds them into one PDF. Each item
 * renders through the same render slots as single requests, one at a time, so a batch never holds more than one
 * file in memory and never takes the service from other clients; a client that goes away stops the batch
 * ({@link BatchCutOff}).
 */
package cn.jixiao.forms.batch;
